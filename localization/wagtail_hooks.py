from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.reports import PageEditorsMenuItem, report_urls

from .reports import StaleTranslationsView


@hooks.register("register_admin_urls")
def register_stale_translations_urls():
    return report_urls(StaleTranslationsView, "stale-translations", "stale_translations")


@hooks.register("register_reports_menu_item")
def register_stale_translations_menu_item():
    return PageEditorsMenuItem(
        _("Stale translations"),
        reverse("stale_translations"),
        name="stale-translations",
        icon_name="globe",
        order=60,
    )
