from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesDirectoryConfig(AppConfig):
    name = "services_directory"
    verbose_name = _("Services directory")

    def ready(self):
        from core import content_version

        from . import frontend_cache, signals
        from .models import ServiceHoursException, ServiceOpeningPeriod, ServicePlace

        # Pages themselves are watched by core; these rows are also written on their own.
        content_version.watch(ServicePlace, ServiceOpeningPeriod, ServiceHoursException)
        signals.connect()
        frontend_cache.connect()
