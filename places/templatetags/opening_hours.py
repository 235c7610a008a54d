"""Opening-hours answers as sentences in the active language."""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

register = template.Library()


def _day_phrase(moment, today):
    day = moment.date()
    if day == today:
        return _("today")
    if day == today + datetime.timedelta(days=1):
        return _("tomorrow")
    if day < today + datetime.timedelta(days=7):
        return str(WEEKDAYS[day.weekday()])
    return formats.date_format(day, "DATE_FORMAT")


@register.simple_tag
def describe_status(status, now=None):
    """“Open now until 12:00”, “Closed – opens tomorrow at 09:00”, “Closed until further notice”."""
    if status is None:
        return ""
    now = timezone.localtime(now or timezone.now())
    if status.is_open:
        closes = timezone.localtime(status.closes_at)
        return _("Open now, until %(time)s") % {"time": formats.time_format(closes, "TIME_FORMAT")}
    if status.next_opening is None:
        return _("Closed until further notice")
    opens = timezone.localtime(status.next_opening)
    return _("Closed – opens %(day)s at %(time)s") % {
        "day": _day_phrase(opens, now.date()),
        "time": formats.time_format(opens, "TIME_FORMAT"),
    }
