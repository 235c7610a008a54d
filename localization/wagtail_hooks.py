from django.contrib.admin.utils import quote
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.action_menu import ActionMenuItem

from core.reports import can_edit_pages, register_report

from .reports import StaleTranslationsView, next_step, next_step_url, stale_translations_for
from .views import UpdateTranslationsView, submit_for_moderation

register_report(StaleTranslationsView, "stale-translations", _("Stale translations"), "globe", 60)


@hooks.register("register_admin_urls")
def translation_submission_urls():
    # wagtail-localize's "Sync translated pages" address, answered here first (this app
    # comes before wagtail_localize in INSTALLED_APPS, so its URLs come first).
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="update_translations_checked",
        ),
        path(
            "translations/<int:translation_id>/submit/",
            submit_for_moderation,
            name="submit_translation_for_moderation",
        ),
    ]


class StaleTranslationsPanel(Component):
    """On the dashboard: the translations behind their French page, and what to do."""

    name = "stale_translations"
    order = 60
    template_name = "localization/admin/stale_translations_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        stale = stale_translations_for(self.request.user)
        oldest = list(stale[:5])
        for page in oldest:
            page.next_step, page.next_step_url = next_step(page), next_step_url(page)
        return {
            "stale_count": stale.count(),
            "oldest": oldest,
            "report_url": reverse("stale_translations"),
        }


@hooks.register("construct_homepage_panels")
def add_stale_translations_panel(request, panels):
    if can_edit_pages(request.user):
        panels.append(StaleTranslationsPanel(request))


class TranslateMenuItem(ActionMenuItem):
    """ "Translate" beside "Save" on a snippet not yet in every language: wagtail-localize
    offers it only in the listing's hidden "More" menu."""

    name = "translate"
    label = _("Translate")
    icon_name = "wagtail-localize-language"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context["view"] == "edit"
            and context["request"].user.has_perm("wagtail_localize.submit_translation")
            and Locale.objects.exclude(
                pk__in=instance.get_translations(inclusive=True).values("locale")
            ).exists()
        )

    def get_url(self, parent_context):
        instance = parent_context["instance"]
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[instance._meta.app_label, instance._meta.model_name, quote(instance.pk)],
        )


@hooks.register("register_snippet_action_menu_item")
def translate_menu_item(model):
    if issubclass(model, TranslatableMixin):
        return TranslateMenuItem(order=70)
    return None
