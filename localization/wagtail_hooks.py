from django.utils.translation import gettext_lazy as _

from core.reports import register_report

from .reports import StaleTranslationsView

register_report(StaleTranslationsView, "stale-translations", _("Stale translations"), "globe", 60)
