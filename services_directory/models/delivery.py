"""Where and when a service is delivered: its places, its own hours and exceptions.

Kept apart from ``service`` so that the hours of many services (``opening``) can be
read without importing the page model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from core.moderation import live_lookup
from places.models import HoursException, OpeningPeriod


class ServicePlaceQuerySet(models.QuerySet):
    def for_residents(self):
        """Links to the places residents see: published ones (``core.moderation``)."""
        return self.filter(**live_lookup("place__"))


class ServicePlace(Orderable):
    page = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="service_places"
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="service_links",
        help_text=_("A hub, antenna or other premises where the service is delivered."),
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("Optional: e.g. “2nd floor, desk B” or “Tuesdays only”."),
    )

    objects = ServicePlaceQuerySet.as_manager()

    panels = [FieldPanel("place"), FieldPanel("note")]
    api_fields = [APIField("place"), APIField("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("place of delivery")
        verbose_name_plural = _("places of delivery")


class ServiceOpeningPeriod(Orderable, OpeningPeriod):
    page = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="opening_periods"
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("at"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("One of the places above; empty for phone lines and online help."),
    )

    panels = [FieldPanel("place"), *OpeningPeriod.panels]
    api_fields = [
        APIField(name) for name in ("place", "weekday", "opens", "closes", "ends_next_day")
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")
        constraints = OpeningPeriod.Meta.constraints


class ServiceHoursException(Orderable, HoursException):
    page = ParentalKey(
        "services_directory.ServicePage", on_delete=models.CASCADE, related_name="hours_exceptions"
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("at"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty when the exception applies everywhere the service is delivered."),
    )

    panels = [FieldPanel("place"), *HoursException.panels]
    api_fields = [
        APIField(name) for name in ("place", "start_date", "end_date", "closed", "reason")
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("hours exception")
        verbose_name_plural = _("hours exceptions")
