from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.wagtail_hooks import PageEditorsMenuItem

from .reports import StaleTranslationsView


@hooks.register("register_admin_urls")
def register_stale_translations_urls():
    return [
        path(
            "reports/stale-translations/",
            StaleTranslationsView.as_view(),
            name="stale_translations",
        ),
        path(
            "reports/stale-translations/results/",
            StaleTranslationsView.as_view(results_only=True),
            name="stale_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_stale_translations_menu_item():
    return PageEditorsMenuItem(
        _("Stale translations"),
        reverse("stale_translations"),
        name="stale-translations",
        icon_name="globe",
        order=60,
    )
