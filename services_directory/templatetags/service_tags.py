"""A service's opening status for cards: overall, or today at one place."""

from django import template
from wagtail.models import Locale

from places.hours import format_period

from ..models.theme import ThemePage

register = template.Library()


@register.simple_tag
def service_status(service, now):
    """The service's status: open now somewhere, or its next opening (None without hours)."""
    return service.overall_status(now)


@register.simple_tag
def hours_today_at(service, place, now):
    """Today's openings of ``service`` at ``place`` (or one of its translations), as
    formatted periods, and whether it is open now there: ``(periods, is_open)``."""
    at_place = next(
        (p for p in service.places() if p.translation_key == place.translation_key), None
    )
    hours = service.opening_hours_for(at_place) if at_place is not None else None
    if not hours:
        return [], False
    today = now.astimezone(hours.time_zone).date()
    periods = [
        format_period(interval.start.time(), interval.end.time())
        for interval in hours.intervals_on(today)
    ]
    return periods, hours.is_open(now)


@register.simple_tag
def theme_pages():
    """The theme landing pages in the visitor's language, by title."""
    return ThemePage.objects.live().public().filter(locale=Locale.get_active()).order_by("title")
