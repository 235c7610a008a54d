"""Opening hours as answers: "open now?", "next opening", a weekly summary.

Pure Python on plain values, so it can be tested without a database. Times are wall
clock times in the site's time zone (``settings.TIME_ZONE``); moments given to or
returned by this module are timezone-aware datetimes.

Rules:
- A weekly period may end the next day (night mediators 20:00–02:00): its row says so
  (``ends_next_day``, checked against the times by the models and the database).
- A dated exception replaces every weekly period *starting* on its dates: a closure
  (``closed``) or one special period.
- Comparisons happen in local wall time, so daylight-saving days need no special case:
  a period 9:00–12:00 is 9:00–12:00 on the clocks residents read.
"""

import datetime
import enum
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

DAYS_IN_WEEK = 7
# How far "next opening" looks ahead: beyond a year the service is effectively closed.
NEXT_OPENING_HORIZON_DAYS = 366


def closes_next_day(opens, closes):
    """For times written without the flag (demo data, imports): a period closing at or
    before its opening time on the clock ends the next day."""
    return closes <= opens


@dataclass(frozen=True)
class WeeklyPeriod:
    weekday: int  # 0 = Monday, as datetime.date.weekday()
    opens: datetime.time
    closes: datetime.time
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    # Stored rows always say; a period written by hand (None) ends the next day when it
    # closes before it opens on the clock.
    ends_next_day: bool | None = None

    def __post_init__(self):
        if self.ends_next_day is None:
            object.__setattr__(self, "ends_next_day", closes_next_day(self.opens, self.closes))

    def applies_on(self, day):
        return (
            day.weekday() == self.weekday
            and (self.valid_from is None or day >= self.valid_from)
            and (self.valid_until is None or day <= self.valid_until)
        )

    def covers(self, local):
        """Whether the wall time ``local`` (a naive or site-local datetime) is inside an
        opening of this period, dated exceptions aside."""
        day, time = local.date(), local.time()
        if (
            self.applies_on(day)
            and self.opens <= time
            and (self.ends_next_day or time < self.closes)
        ):
            return True
        yesterday = day - datetime.timedelta(days=1)
        return self.ends_next_day and time < self.closes and self.applies_on(yesterday)


@dataclass(frozen=True)
class DatedException:
    start: datetime.date
    end: datetime.date
    closed: bool = True
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    reason: str = ""

    def covers(self, day):
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Interval:
    """One opening as two aware datetimes in the site's time zone."""

    start: datetime.datetime
    end: datetime.datetime

    def contains(self, moment):
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Status:
    is_open: bool
    closes_at: datetime.datetime | None = None
    next_opening: datetime.datetime | None = None
    exception_reason: str = ""


@dataclass(frozen=True)
class DaySummary:
    weekday: int
    day_name: str
    periods: list[str] = field(default_factory=list)

    @property
    def is_closed(self):
        return not self.periods


class Source(enum.Enum):
    """Whose weekly hours apply at a place of delivery."""

    SERVICE = "service"
    PLACE = "place"


def sources_by_place(place_ids, own_place_ids):
    """The precedence rule: whose hours apply at each place a service is delivered.

    ``place_ids`` are the service's places of delivery, in order; ``own_place_ids`` the
    places (None: not tied to a place, e.g. a phone line) where the service has weekly
    periods of its own. At each place of delivery the service's own periods there win;
    without any, the place's hours apply. The service's periods not tied to a place come
    last. Dated exceptions follow the same choice: a place's closures apply where the
    place's hours do; the service's own exceptions (at that place, or everywhere) always.

    Returns ``[(place id or None, Source)]``. The service page, its card, the directory's
    weekday sets and its "open now" all derive from this one function.
    """
    sources = [
        (place_id, Source.SERVICE if place_id in own_place_ids else Source.PLACE)
        for place_id in place_ids
    ]
    if None in own_place_ids:
        sources.append((None, Source.SERVICE))
    return sources


def site_time_zone():
    return ZoneInfo(settings.TIME_ZONE)


class OpeningHours:
    def __init__(self, periods=(), exceptions=(), time_zone=None):
        self.periods = sorted(periods, key=lambda p: (p.weekday, p.opens))
        self.exceptions = list(exceptions)
        self.time_zone = time_zone or site_time_zone()

    def __bool__(self):
        return bool(self.periods or self.exceptions)

    def exception_on(self, day):
        return next((e for e in self.exceptions if e.covers(day)), None)

    def _at(self, day, time):
        return datetime.datetime.combine(day, time, tzinfo=self.time_zone)

    def intervals_on(self, day):
        """Openings that start on ``day``, exceptions applied, in order."""
        exception = self.exception_on(day)
        if exception is not None:
            if exception.closed or exception.opens is None or exception.closes is None:
                return []
            return [Interval(self._at(day, exception.opens), self._at(day, exception.closes))]
        intervals = []
        for period in self.periods:
            if not period.applies_on(day):
                continue
            end_day = day + datetime.timedelta(days=1) if period.ends_next_day else day
            intervals.append(
                Interval(self._at(day, period.opens), self._at(end_day, period.closes))
            )
        return sorted(intervals, key=lambda interval: interval.start)

    def _local(self, moment):
        return moment.astimezone(self.time_zone)

    def current_interval(self, moment):
        local = self._local(moment)
        yesterday = local.date() - datetime.timedelta(days=1)
        for day in (yesterday, local.date()):
            for interval in self.intervals_on(day):
                if interval.contains(local):
                    return interval
        return None

    def is_open(self, moment):
        return self.current_interval(moment) is not None

    def next_opening(self, moment, horizon_days=NEXT_OPENING_HORIZON_DAYS):
        """The start of the first opening strictly after ``moment``, or None."""
        local = self._local(moment)
        for offset in range(horizon_days + 1):
            day = local.date() + datetime.timedelta(days=offset)
            for interval in self.intervals_on(day):
                if interval.start > local:
                    return interval.start
        return None

    def status(self, moment):
        current = self.current_interval(moment)
        exception = self.exception_on(self._local(moment).date())
        reason = exception.reason if exception else ""
        if current is not None:
            return Status(is_open=True, closes_at=current.end, exception_reason=reason)
        return Status(
            is_open=False, next_opening=self.next_opening(moment), exception_reason=reason
        )

    def weekly_summary(self):
        """Regular hours per weekday, formatted in the active language."""
        summary = []
        for weekday in range(DAYS_IN_WEEK):
            periods = [
                format_period(p.opens, p.closes) for p in self.periods if p.weekday == weekday
            ]
            summary.append(DaySummary(weekday, str(WEEKDAYS[weekday]), periods))
        return summary

    def upcoming_exceptions(self, today, days=60):
        horizon = today + datetime.timedelta(days=days)
        return sorted(
            (e for e in self.exceptions if e.end >= today and e.start <= horizon),
            key=lambda e: e.start,
        )


def format_time(value):
    return formats.time_format(value, "TIME_FORMAT")


def format_period(opens, closes):
    return _("%(opens)s–%(closes)s") % {"opens": format_time(opens), "closes": format_time(closes)}
