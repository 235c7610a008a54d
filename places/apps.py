from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("Places and organisations")

    def ready(self):
        from core import content_version

        from .models import Organisation, Place, PlaceHoursException, PlaceOpeningPeriod

        content_version.watch(Organisation, Place, PlaceOpeningPeriod, PlaceHoursException)
