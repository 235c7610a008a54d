from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = _("Places and organisations")

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from core import content_version

        from .forms import OPENING_TIME_OVERRIDE
        from .models import Organisation, Place, PlaceHoursException, PlaceOpeningPeriod

        content_version.watch(Organisation, Place, PlaceOpeningPeriod, PlaceHoursException)
        # Every time in the admin is an opening hour (of a place or a service).
        register_form_field_override(models.TimeField, override=OPENING_TIME_OVERRIDE)
