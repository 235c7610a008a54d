"""“Stale translations”: translated pages whose French source changed since they were translated."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.reports import DatedReportView

from .freshness import stale_translations


def stale_translations_for(user):
    """Stale translations the user may edit, the longest-standing first."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return stale_translations(Page.objects.filter(pk__in=editable.values("pk")))


def source_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.source_page_id])


class StaleTranslationsView(DatedReportView):
    page_title = _("Stale translations")
    header_icon = "globe"
    index_url_name = "stale_translations"
    index_results_url_name = "stale_translations_results"
    export_name = "stale-translations"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    columns = [
        TitleColumn("title", label=_("Translated page"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        TitleColumn("source_title", label=_("French page"), get_url=source_edit_url),
        DateColumn("source_published_at", label=_("French text changed on")),
        DateColumn("last_published_at", label=_("Translation updated on")),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "source_title",
        "source_published_at",
        "last_published_at",
        "url",
    ]
    export_headings = {
        "title": _("Translated page"),
        "locale.language_code": _("Language"),
        "source_title": _("French page"),
        "source_published_at": _("French text changed on"),
        "last_published_at": _("Translation updated on"),
        "url": _("Address"),
    }

    def get_queryset(self):
        return stale_translations_for(self.request.user)
