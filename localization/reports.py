"""“Stale translations”: translated pages whose French source changed since they were translated."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from core.i18n import source_language
from core.reports import DatedReportView

from .freshness import stale_translations


def stale_translations_for(user):
    """Stale translations the user may edit, the longest-standing first, each with the
    id of its French source's ``TranslationSource`` (the "Sync" action's)."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale__language_code=source_language()
    )
    return stale_translations(Page.objects.filter(pk__in=editable.values("pk"))).annotate(
        translation_source_id=Subquery(sources.values("pk")[:1])
    )


def source_edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.source_page_id])


def needs_sync(page):
    """Whether translators have not been given the French page's new text yet."""
    return page.translation_source_id is not None and (
        page.source_extracted_at is None or page.source_published_at > page.source_extracted_at
    )


def next_step_url(page):
    """Where the next step is: synchronising the text, or translating and submitting it."""
    if needs_sync(page):
        return reverse("wagtail_localize:update_translations", args=[page.translation_source_id])
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def next_step(page):
    if needs_sync(page):
        return _("Sync: give translators the new French text")
    return _("Translate the changed texts, then submit them")


class StaleTranslationsView(DatedReportView):
    page_title = _("Stale translations")
    header_icon = "globe"
    index_url_name = "stale_translations"
    index_results_url_name = "stale_translations_results"
    export_name = "stale-translations"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    template_name = "localization/admin/stale_translations.html"
    columns = [
        TitleColumn("title", label=_("Translated page"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        TitleColumn("source_title", label=_("French page"), get_url=source_edit_url),
        DateColumn("source_published_at", label=_("French text changed on")),
        DateColumn("last_published_at", label=_("Translation updated on")),
        TitleColumn("next_step", label=_("What to do"), accessor=next_step, get_url=next_step_url),
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
