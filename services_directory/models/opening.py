"""Opening hours of many services at once: weekday sets and “open now” for listings.

A service page computes its own hours through ``ServicePage.hours_by_place``; a listing
of 10,000 services cannot load them one by one. Here the weekly periods are read once
from the narrow tables (``HoursRows``) and the same rule applies to all services:
``places.hours.sources_by_place`` decides, per place of delivery, whether the service's
own periods or the place's apply. Dated exceptions are rare, so the services touched by
one on the day asked for are checked one by one through their page, which applies every
rule. Tests compare the three on generated services (tests/hours/test_agreement.py).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from places.hours import Source, WeeklyPeriod, sources_by_place
from places.models import PlaceHoursException, PlaceOpeningPeriod

from .delivery import ServiceHoursException, ServiceOpeningPeriod, ServicePlace

PERIOD_COLUMNS = ("weekday", "opens", "closes", "valid_from", "valid_until", "ends_next_day")


def weekly_period(row):
    return WeeklyPeriod(**dict(zip(PERIOD_COLUMNS, row, strict=True)))


@dataclass
class HoursRows:
    """The weekly hours of a set of services and of their places, with the rule applied."""

    # Service id -> [(place id or None, Source)], from ``sources_by_place``.
    sources: dict = field(default_factory=dict)
    # (service id, place id or None) -> the service's own periods there.
    own: dict = field(default_factory=lambda: defaultdict(list))
    # Place id -> the place's periods.
    of_place: dict = field(default_factory=lambda: defaultdict(list))

    def periods_at(self, service_id, place_id, source):
        if source is Source.SERVICE:
            return self.own[(service_id, place_id)]
        return self.of_place[place_id]

    def weekdays(self):
        """Weekday -> ids of the services with regular hours that day."""
        members = defaultdict(set)
        for service_id, sources in self.sources.items():
            for place_id, source in sources:
                for period in self.periods_at(service_id, place_id, source):
                    members[period.weekday].add(service_id)
        return members

    def open_ids(self, moment):
        """Ids of the services whose weekly hours cover ``moment`` (exceptions aside)."""
        local = timezone.localtime(moment).replace(tzinfo=None)
        places_open = {
            place_id
            for place_id, periods in self.of_place.items()
            if any(period.covers(local) for period in periods)
        }
        own_open = {
            key for key, periods in self.own.items() if any(p.covers(local) for p in periods)
        }
        return {
            service_id
            for service_id, sources in self.sources.items()
            if any(
                (service_id, place_id) in own_open
                if source is Source.SERVICE
                else place_id in places_open
                for place_id, source in sources
            )
        }


def read_hours_rows(ids, places_of):
    """The hours of the services ``ids``; ``places_of`` maps each to its places of delivery."""
    rows = HoursRows()
    own_rows = ServiceOpeningPeriod.objects.order_by().values_list(
        "page_id", "place_id", *PERIOD_COLUMNS
    )
    for page_id, place_id, *period in own_rows:
        if page_id in ids:
            rows.own[(page_id, place_id)].append(weekly_period(period))
    for place_id, *period in PlaceOpeningPeriod.objects.order_by().values_list(
        "place_id", *PERIOD_COLUMNS
    ):
        rows.of_place[place_id].append(weekly_period(period))
    own_places = defaultdict(set)
    for page_id, place_id in rows.own:
        own_places[page_id].add(place_id)
    for page_id in ids:
        rows.sources[page_id] = sources_by_place(places_of.get(page_id, []), own_places[page_id])
    return rows


def places_of_services(ids):
    """Service id -> its places of delivery residents see, in the editor's order."""
    places_of = defaultdict(list)
    links = (
        ServicePlace.objects.for_residents()
        .order_by("sort_order", "pk")
        .values_list("page_id", "place_id")
    )
    for page_id, place_id in links:
        if page_id in ids and place_id not in places_of[page_id]:
            places_of[page_id].append(place_id)
    return places_of


def touched_by_exceptions(services, first_day, last_day):
    """The services of ``services`` whose hours a dated exception changes between the
    two days."""
    covering = Q(start_date__lte=last_day) & (
        Q(end_date__gte=first_day) | Q(end_date__isnull=True, start_date__gte=first_day)
    )
    places = PlaceHoursException.objects.filter(covering).values("place_id")
    return services.filter(
        Q(pk__in=ServiceHoursException.objects.filter(covering).values("page_id"))
        | Q(pk__in=ServicePlace.objects.filter(place_id__in=places).values("page_id"))
    )


def open_service_ids(services, moment, rows=None):
    """Ids of the services of ``services`` (a ServicePage queryset) open at ``moment``.

    Suspended services are never open. ``rows`` (the services' ``HoursRows``) may be
    given when the caller keeps them.
    """
    candidates = services.filter(is_suspended=False)
    ids = set(candidates.values_list("pk", flat=True))
    if rows is None:
        rows = read_hours_rows(ids, places_of_services(ids))
    open_ids = rows.open_ids(moment) & ids
    today = timezone.localtime(moment).date()
    # Yesterday's exceptions too: they govern a period that started last night.
    yesterday = today - datetime.timedelta(days=1)
    for service in touched_by_exceptions(candidates, yesterday, today).with_card_data():
        status = service.overall_status(moment)
        if status is not None and status.is_open:
            open_ids.add(service.pk)
        else:
            open_ids.discard(service.pk)
    return open_ids
