"""Editors' reports on services.

“Services to review”: live service pages whose last check is older than their interval,
one row per French service (the source: its translations share its review dates), with
the languages it is translated into.

“Directory”: every service, filtered by theme, organisation, language, publication and
review, exported as CSV or XLSX with the same filters.
"""

import collections

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.i18n import join_words, source_language
from core.reports import DatedReportView
from places.models import Organisation
from taxonomy.models import Theme

from .models.service import ServicePage


def overdue_services(user, today=None):
    """Live French services the user may edit whose review date has passed, oldest first."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        ServicePage.objects.live()
        .review_overdue(today or timezone.localdate())
        .filter(locale__language_code=source_language(), pk__in=editable.values("pk"))
        .select_related("locale")
        .order_by("review_due", "title")
    )


class ServicesToReviewView(DatedReportView):
    page_title = _("Services to review")
    header_icon = "date"
    index_url_name = "services_to_review"
    index_results_url_name = "services_to_review_results"
    export_name = "services-to-review"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    columns = [
        TitleColumn(
            "title",
            label=_("Service"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        Column("translated_into", label=_("Translated into")),
        DateColumn("last_reviewed", label=_("Last checked")),
        DateColumn("review_due", label=_("Review due since")),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "translated_into",
        "last_reviewed",
        "review_due",
        "url",
    ]
    export_headings = {
        "title": _("Service"),
        "locale.language_code": _("Language"),
        "translated_into": _("Translated into"),
        "last_reviewed": _("Last checked"),
        "review_due": _("Review due since"),
        "url": _("Address"),
    }

    def get_queryset(self):
        return overdue_services(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        services = list(object_list)
        translated = collections.defaultdict(list)
        rows = (
            Page.objects.filter(
                translation_key__in=[service.translation_key for service in services],
                alias_of__isnull=True,
            )
            .exclude(locale__language_code=source_language())
            .order_by("locale__language_code")
            .values_list("translation_key", "locale__language_code")
        )
        for key, language in rows:
            translated[key].append(language)
        for service in services:
            # Language codes: short enough for a column of twelve languages.
            service.translated_into = ", ".join(translated[service.translation_key]) or "—"
        return services


def same_source_as(field):
    """A filter on ``field`` that also matches the translations of the chosen French
    terms: the French theme "Seniors" finds the English services under "Seniors" too."""

    def filter_method(queryset, name, value):
        if not value:
            return queryset
        keys = [item.translation_key for item in value]
        return queryset.filter(**{f"{field}__translation_key__in": keys}).distinct()

    return filter_method


class DirectoryFilterSet(WagtailFilterSet):
    themes = django_filters.ModelMultipleChoiceFilter(
        label=_("Themes"),
        queryset=lambda request: Theme.objects.filter(locale__language_code=source_language()),
        method=same_source_as("themes"),
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = django_filters.ModelMultipleChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: Organisation.objects.filter(
            locale__language_code=source_language()
        ),
        method=same_source_as("organisation"),
        widget=forms.CheckboxSelectMultiple,
    )
    live = django_filters.BooleanFilter(label=_("Published"))
    review_overdue = django_filters.BooleanFilter(
        label=_("Past its review date"), method="filter_review_overdue"
    )

    class Meta:
        model = ServicePage
        fields = []

    def filter_review_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.review_overdue(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class DirectoryView(DatedReportView):
    """Every service, for the team: a spreadsheet of the directory with its filters."""

    page_title = _("Directory")
    header_icon = "list-ul"
    index_url_name = "directory_report"
    index_results_url_name = "directory_report_results"
    export_name = "directory"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    filterset_class = DirectoryFilterSet
    columns = [
        TitleColumn("title", label=_("Service"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        Column(
            "organisation", label=_("Organisation"), accessor=lambda row: row.organisation or ""
        ),
        Column("theme_names", label=_("Themes")),
        BooleanColumn("live", label=_("Published")),
        DateColumn("last_reviewed", label=_("Last checked")),
        DateColumn("review_due", label=_("Review due since")),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "organisation",
        "theme_names",
        "live",
        "last_reviewed",
        "review_due",
        "phone",
        "email",
        "full_url",
    ]
    export_headings = {
        "title": _("Service"),
        "locale.language_code": _("Language"),
        "organisation": _("Organisation"),
        "theme_names": _("Themes"),
        "live": _("Published"),
        "last_reviewed": _("Last checked"),
        "review_due": _("Review due since"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "full_url": _("Address"),
    }

    def get_queryset(self):
        return (
            ServicePage.objects.filter(alias_of__isnull=True)
            .select_related("locale", "organisation")
            .prefetch_related("themes")
            .order_by("title", "locale__language_code")
        )

    def decorate_paginated_queryset(self, object_list):
        services = list(object_list)
        for service in services:
            service.theme_names = join_words(theme.name for theme in service.themes.all())
        return services
