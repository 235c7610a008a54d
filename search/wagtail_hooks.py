from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.models import Locale
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.reports import DatedReportView, register_report

from .models import SearchSynonym, ZeroResultSearch


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["term", "alternatives", "locale"]
    list_filter = ["locale"]
    search_fields = ["term", "alternatives"]


register_snippet(SearchSynonymViewSet)


# Residents' own words: read by Moderators (granted by a migration) and superusers only.
statistics_policy = ModelPermissionPolicy(ZeroResultSearch)


class ZeroResultSearchesView(DatedReportView):
    """The most frequent searches that found nothing: what residents miss."""

    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "zero_result_searches"
    index_results_url_name = "zero_result_searches_results"
    permission_policy = statistics_policy
    permission_required = "view"
    export_name = "searches-without-results"
    columns = [
        Column("query", label=_("Search")),
        Column("language_name", label=_("Language")),
        Column("total", label=_("Searches")),
        DateColumn("first_day", label=_("First searched")),
        DateColumn("last_day", label=_("Last searched")),
    ]
    list_export = ["query", "language", "total", "first_day", "last_day"]
    export_headings = {
        "query": _("Search"),
        "language": _("Language"),
        "total": _("Searches"),
        "first_day": _("First searched"),
        "last_day": _("Last searched"),
    }

    def get_queryset(self):
        return ZeroResultSearch.objects.shown_to_staff()

    def decorate_paginated_queryset(self, object_list):
        names = {locale.language_code: locale.get_display_name() for locale in Locale.objects.all()}
        return [
            {
                "query": row["query"],
                "language": row["locale__language_code"],
                "language_name": names.get(row["locale__language_code"], ""),
                "total": row["total"],
                "first_day": row["first_day"],
                "last_day": row["last_day"],
            }
            for row in object_list
        ]


class StatisticsReadersMenuItem(MenuItem):
    def is_shown(self, request):
        return statistics_policy.user_has_permission(request.user, "view")


register_report(
    ZeroResultSearchesView,
    "searches-without-results",
    _("Searches without results"),
    "search",
    60,
    menu_item_class=StatisticsReadersMenuItem,
)
