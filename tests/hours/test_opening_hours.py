"""places.hours: open now, next opening and the weekly summary, on fixed moments."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from places.hours import DatedException, OpeningHours, WeeklyPeriod
from places.models import PlaceHoursException, PlaceOpeningPeriod

ZURICH = ZoneInfo("Europe/Zurich")
T = datetime.time
D = datetime.date


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZURICH)


def weekdays(*periods, days=range(5)):
    return [WeeklyPeriod(day, opens, closes) for day in days for opens, closes in periods]


SPLIT_DAY = weekdays((T(9), T(12)), (T(13), T(16)))
# 2026-11-23 is a Monday.
MONDAY = (2026, 11, 23)


class TestSplitDays:
    hours = OpeningHours(SPLIT_DAY, time_zone=ZURICH)

    @pytest.mark.parametrize(
        ("hour", "minute", "is_open"),
        [
            (8, 59, False),
            (9, 0, True),
            (11, 59, True),
            (12, 0, False),
            (12, 30, False),
            (13, 0, True),
            (15, 59, True),
            (16, 0, False),
        ],
    )
    def test_open_only_inside_each_period(self, hour, minute, is_open):
        assert self.hours.is_open(at(*MONDAY, hour, minute)) is is_open

    def test_lunch_break_gives_the_afternoon_opening(self):
        status = self.hours.status(at(*MONDAY, 12, 15))
        assert not status.is_open
        assert status.next_opening == at(*MONDAY, 13)

    def test_open_status_says_when_it_closes(self):
        status = self.hours.status(at(*MONDAY, 10))
        assert status.is_open
        assert status.closes_at == at(*MONDAY, 12)

    def test_friday_evening_opens_on_monday(self):
        assert self.hours.next_opening(at(2026, 11, 27, 17)) == at(2026, 11, 30, 9)


class TestExceptions:
    def test_closure_over_several_days_with_reason(self):
        closure = DatedException(D(2026, 12, 24), D(2027, 1, 2), closed=True, reason="Fêtes")
        hours = OpeningHours(SPLIT_DAY, [closure], time_zone=ZURICH)
        status = hours.status(at(2026, 12, 28, 10))  # a Monday inside the closure
        assert not status.is_open
        assert status.exception_reason == "Fêtes"
        assert status.next_opening == at(2027, 1, 4, 9)  # the first Monday after it

    def test_special_hours_replace_the_day(self):
        special = DatedException(D(*MONDAY), D(*MONDAY), closed=False, opens=T(14), closes=T(18))
        hours = OpeningHours(SPLIT_DAY, [special], time_zone=ZURICH)
        assert not hours.is_open(at(*MONDAY, 10))
        assert hours.is_open(at(*MONDAY, 17))
        assert hours.next_opening(at(*MONDAY, 8)) == at(*MONDAY, 14)

    def test_upcoming_exceptions_are_listed_in_order_and_past_ones_dropped(self):
        past = DatedException(D(2026, 10, 1), D(2026, 10, 2))
        later = DatedException(D(2026, 12, 25), D(2026, 12, 25))
        sooner = DatedException(D(2026, 12, 8), D(2026, 12, 8))
        hours = OpeningHours(SPLIT_DAY, [later, past, sooner], time_zone=ZURICH)
        assert hours.upcoming_exceptions(D(*MONDAY)) == [sooner, later]

    def test_no_opening_within_a_year_means_no_next_opening(self):
        hours = OpeningHours([], time_zone=ZURICH)
        assert hours.status(at(*MONDAY, 10)).next_opening is None


class TestValidityRanges:
    def test_period_applies_only_within_its_dates(self):
        winter = WeeklyPeriod(0, T(9), T(12), valid_from=D(2026, 12, 1), valid_until=D(2027, 2, 28))
        hours = OpeningHours([winter], time_zone=ZURICH)
        assert not hours.is_open(at(*MONDAY, 10))
        assert hours.next_opening(at(*MONDAY, 10)) == at(2026, 12, 7, 9)
        assert not hours.is_open(at(2027, 3, 1, 10))


class TestPastMidnight:
    night = OpeningHours(weekdays((T(20), T(2)), days=[6]), time_zone=ZURICH)  # Sunday

    def test_open_after_midnight_on_the_next_day(self):
        assert self.night.is_open(at(*MONDAY, 1, 30))
        assert not self.night.is_open(at(*MONDAY, 2))

    def test_sunday_night_wraps_into_monday(self):
        status = self.night.status(at(2026, 11, 22, 23))
        assert status.is_open
        assert status.closes_at == at(*MONDAY, 2)


class TestDaylightSaving:
    """Europe/Zurich: clocks go 02:00 → 03:00 on 2026-03-29 and 03:00 → 02:00 on 2026-10-25."""

    def test_open_across_the_spring_change(self):
        hours = OpeningHours(weekdays((T(1), T(4)), days=[6]), time_zone=ZURICH)
        assert hours.is_open(at(2026, 3, 29, 3, 30))
        assert not hours.is_open(at(2026, 3, 29, 4, 0))
        # The period lasts two real hours that day: the clock skipped 02:00–03:00.
        interval = hours.current_interval(at(2026, 3, 29, 1, 30))
        assert interval.end - interval.start == datetime.timedelta(hours=3)
        assert (interval.end.timestamp() - interval.start.timestamp()) == 2 * 3600

    def test_open_across_the_autumn_change(self):
        hours = OpeningHours(weekdays((T(1), T(4)), days=[6]), time_zone=ZURICH)
        utc_0030 = datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC)  # 02:30 CEST
        utc_0130 = datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC)  # 02:30 CET
        assert hours.is_open(utc_0030)
        assert hours.is_open(utc_0130)
        assert not hours.is_open(datetime.datetime(2026, 10, 25, 3, 0, tzinfo=datetime.UTC))

    def test_next_opening_across_the_change_is_at_wall_time(self):
        hours = OpeningHours(weekdays((T(9), T(12))), time_zone=ZURICH)
        opening = hours.next_opening(at(2026, 3, 27, 13))  # Friday before the change
        assert opening == at(2026, 3, 30, 9)
        assert opening.utcoffset() == datetime.timedelta(hours=2)


class TestWeeklySummary:
    hours = OpeningHours(SPLIT_DAY, time_zone=ZURICH)

    def test_in_french(self):
        summary = self.hours.weekly_summary()
        assert summary[0].day_name == "lundi"
        assert summary[0].periods == ["09:00–12:00", "13:00–16:00"]
        assert summary[6].is_closed

    def test_in_english(self):
        with translation.override("en"):
            summary = self.hours.weekly_summary()
        assert summary[0].day_name == "Monday"
        assert summary[0].periods == ["9 a.m.–noon", "1 p.m.–4 p.m."]


class TestModelValidation:
    def test_period_must_end_after_it_starts_unless_it_ends_the_next_day(self):
        period = PlaceOpeningPeriod(weekday=0, opens=T(12), closes=T(9))
        with pytest.raises(ValidationError) as error:
            period.clean()
        assert "closes" in error.value.message_dict
        PlaceOpeningPeriod(weekday=0, opens=T(20), closes=T(2), ends_next_day=True).clean()

    def test_exception_dates_must_be_in_order(self):
        exception = PlaceHoursException(start_date=D(2026, 12, 2), end_date=D(2026, 12, 1))
        with pytest.raises(ValidationError) as error:
            exception.clean()
        assert "end_date" in error.value.message_dict

    def test_special_hours_need_both_times(self):
        exception = PlaceHoursException(
            start_date=D(2026, 12, 2), end_date=D(2026, 12, 2), closed=False, opens=T(9)
        )
        with pytest.raises(ValidationError):
            exception.clean()
