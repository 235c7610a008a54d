from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Proxima core")

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import post_page_move

        from . import client_address, content_version, emergency_copy, page_cache
        from .models import EmergencyNumber

        content_version.connect_signals()
        content_version.watch(Page, PageViewRestriction, EmergencyNumber)
        content_version.watch(BaseSiteSetting, creations=False)
        post_page_move.connect(content_version.bump, dispatch_uid="content-version-move")
        # The error page's copy of the emergency numbers (core.emergency_copy).
        for signal in (post_save, post_delete):
            signal.connect(
                emergency_copy.write_after_commit,
                sender=EmergencyNumber,
                dispatch_uid=f"emergency-copy-{signal is post_save}",
            )
        checks.register(page_cache.check_middleware_order, checks.Tags.security)
        checks.register(client_address.check_proxy_settings, checks.Tags.security)
