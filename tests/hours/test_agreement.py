"""One opening-hours rule: the service page, its card, the directory's “open now” and its
weekday sets agree on generated services at many instants.

The page and the card compute a service's hours through ``ServicePage.hours_by_place``;
the directory computes them for all services at once (``services_directory.models.
opening``). Both follow ``places.hours.sources_by_place``; here they are compared on
services mixing their own hours and their places' hours, nights past midnight, dated
exceptions (ranges and single days), validity periods, suspensions and daylight-saving
days.
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.test import TestCase

from places.factories import PlaceFactory
from places.hours import closes_next_day
from places.models import PlaceHoursException, PlaceOpeningPeriod
from services_directory.factories import ServicePageFactory
from services_directory.models import ServiceHoursException, ServiceOpeningPeriod, ServicePage
from services_directory.models.opening import (
    open_service_ids,
    places_of_services,
    read_hours_rows,
)
from tests.conftest import build_site_tree

ZURICH = ZoneInfo("Europe/Zurich")
T = datetime.time
D = datetime.date
# Monday 2026-11-23, and the daylight-saving days of 2026 (29 March, 25 October).
MONDAY = D(2026, 11, 23)
DST_DAYS = (D(2026, 3, 29), D(2026, 10, 25))
PERIODS = [
    (T(9), T(12)),
    (T(13, 30), T(17)),
    (T(8, 30), T(17, 30)),
    (T(14), T(19)),
    (T(20), T(2)),  # past midnight
    (T(22), T(6)),  # a night shelter
    (T(1), T(3)),  # across the daylight-saving hour
    (T(0), T(0)),  # a 24-hour line
]


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, T(hour, minute), tzinfo=ZURICH)


def add_periods(rng, model, owner, **extra):
    for weekday in rng.sample(range(7), rng.randint(1, 4)):
        opens, closes = rng.choice(PERIODS)
        valid = {}
        if rng.random() < 0.2:
            valid = {"valid_from": MONDAY - datetime.timedelta(days=3)}
        if rng.random() < 0.2:
            valid["valid_until"] = MONDAY + datetime.timedelta(days=2)
        model.objects.create(
            **owner,
            **extra,
            **valid,
            weekday=weekday,
            opens=opens,
            closes=closes,
            ends_next_day=closes_next_day(opens, closes),
        )


def add_exception(rng, model, owner, **extra):
    start = MONDAY + datetime.timedelta(days=rng.randint(-2, 3))
    single_day = rng.random() < 0.5
    special = rng.random() < 0.3
    model.objects.create(
        **owner,
        **extra,
        start_date=start,
        end_date=None if single_day else start + datetime.timedelta(days=rng.randint(0, 2)),
        closed=not special,
        opens=T(10) if special else None,
        closes=T(11) if special else None,
        reason="Exception",
    )


class OpeningRuleAgreement(TestCase):
    @classmethod
    def setUpTestData(cls):
        rng = random.Random(2026)
        tree = build_site_tree()
        cls.directory = tree.directory
        places = []
        for number in range(6):
            place = PlaceFactory(slug=f"lieu-{number}", weekdays=[])
            add_periods(rng, PlaceOpeningPeriod, {"place": place})
            if rng.random() < 0.5:
                add_exception(rng, PlaceHoursException, {"place": place})
            places.append(place)
        for number in range(40):
            at_places = rng.sample(places, rng.randint(0, 3))
            service = ServicePageFactory(
                parent=cls.directory, title=f"Service {number:02d}", places=at_places
            )
            for place in at_places:
                if rng.random() < 0.4:
                    add_periods(rng, ServiceOpeningPeriod, {"page": service}, place=place)
            if rng.random() < 0.3:
                add_periods(rng, ServiceOpeningPeriod, {"page": service}, place=None)
            if rng.random() < 0.3:
                place = rng.choice([None, *at_places])
                add_exception(rng, ServiceHoursException, {"page": service}, place=place)
            if rng.random() < 0.1:
                service.is_suspended = True
                service.suspension_message = "Travaux."
                service.save()
        # The case seen on the demo: own hours Tuesday–Friday at one place, delivered at
        # another place open on Saturday.
        weekdays_only = PlaceFactory(slug="maison-semaine", weekdays=range(5))
        saturdays = PlaceFactory(slug="maison-samedi", weekdays=[5])
        cls.mixed = ServicePageFactory(
            parent=cls.directory, title="Hors murs", places=[weekdays_only, saturdays]
        )
        for weekday in range(1, 5):
            ServiceOpeningPeriod.objects.create(
                page=cls.mixed, place=weekdays_only, weekday=weekday, opens=T(14), closes=T(19)
            )

    def services(self):
        return ServicePage.objects.live().filter(locale=self.directory.locale)

    def instants(self):
        rng = random.Random(11)
        moments = [
            at(MONDAY + datetime.timedelta(days=d), h, m)
            for d in range(7)
            for h, m in (
                (0, 30),
                (1, 59),
                (2, 0),
                (9, 0),
                (11, 59),
                (12, 0),
                (13, 45),
                (17, 0),
                (20, 0),
                (23, 59),
            )
        ]
        for day in DST_DAYS:
            moments += [at(day, hour, minute) for hour in (0, 1, 2, 3, 4) for minute in (0, 30)]
        moments += [
            at(
                MONDAY + datetime.timedelta(days=rng.randint(-3, 9)),
                rng.randint(0, 23),
                rng.randint(0, 59),
            )
            for _ in range(40)
        ]
        return moments

    def open_by_the_page(self, services, moment):
        return {
            service.pk
            for service in services
            if not service.is_suspended
            and (status := service.overall_status(moment)) is not None
            and status.is_open
        }

    def test_open_now_agrees_with_the_page_at_every_instant(self):
        services = list(self.services().with_card_data())
        ids = {service.pk for service in services}
        rows = read_hours_rows(ids, places_of_services(ids))
        for moment in self.instants():
            expected = self.open_by_the_page(services, moment)
            with self.subTest(moment=moment.isoformat()):
                self.assertEqual(open_service_ids(self.services(), moment, rows=rows), expected)
                self.assertEqual(
                    set(self.services().open_at(moment).values_list("pk", flat=True)), expected
                )

    def test_weekday_sets_agree_with_the_page(self):
        services = list(self.services().with_card_data())
        ids = {service.pk for service in services}
        weekdays = read_hours_rows(ids, places_of_services(ids)).weekdays()
        for weekday in range(7):
            expected = {
                service.pk
                for service in services
                if any(
                    period.weekday == weekday
                    for _place, hours in service.hours_by_place()
                    for period in hours.periods
                )
            }
            with self.subTest(weekday=weekday):
                self.assertEqual(weekdays.get(weekday, set()), expected)

    def test_the_mixed_case_is_open_on_saturday_everywhere(self):
        saturday = at(D(2026, 11, 28), 10)
        service = self.services().with_card_data().get(pk=self.mixed.pk)
        self.assertTrue(service.overall_status(saturday).is_open)
        self.assertIn(self.mixed.pk, open_service_ids(self.services(), saturday))
        response = self.client.get(self.directory.url, {"open": "5", "q": "hors murs"})
        shown = [s.pk for s in response.context["services_page"].object_list]
        self.assertEqual(shown, [self.mixed.pk])
        saturday_option = response.context["open_facet"].option("5")
        self.assertEqual(saturday_option.count, 1)
