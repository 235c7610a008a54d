"""Which services have which option, per directory page, kept in each process's memory.

Disjunctive counts over 10,000 services need every (service, option) pair of every
facet: about 100,000 pairs, which take a few hundred milliseconds to read from
PostgreSQL. They change only when editors publish, so each process keeps them per directory page and
reads them again when the shared ``directory version`` changes (every save or delete of
a model they come from bumps it, see ``signals``) or after ``MAX_AGE_SECONDS``. A request
then only intersects sets in memory.

Places are few and shared by many services, so place facts (commune, accessibility,
weekly hours) are read per place and spread to services through their place links.

Facet options (per language) and the services open in the current minute are kept the
same way; service cards and search results are kept in the shared cache under the same
version (``cards``, ``search.engine``).
"""

import time
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from places.models import Place, PlaceOpeningPeriod

from ..models import ServiceOpeningPeriod, ServicePlace

VERSION_KEY = "directory-memberships-version"
MAX_AGE_SECONDS = 300
# Values kept per process: a few sets of service ids per directory, facet options per
# language, the services open in the current minute.
MAX_KEPT = 32

_kept = OrderedDict()


@dataclass
class Memberships:
    ids_by_title: list
    ids: frozenset = frozenset()
    facets: dict = field(default_factory=dict)  # facet name -> option key -> set of ids
    weekdays: dict = field(default_factory=dict)  # weekday -> set of ids


@dataclass
class Kept:
    value: object
    version: int
    built_at: float


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_version(**_signal_kwargs):
    """Marks every kept membership as out of date, in every process sharing the cache.

    Again once the transaction commits: a request reading in between would otherwise
    keep the uncommitted state's predecessor under the new version.
    """
    cache.set(VERSION_KEY, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), None))


def kept(key, read):
    """``read()``, kept in this process until the directory version changes."""
    version = current_version()
    entry = _kept.get(key)
    if (
        entry is None
        or entry.version != version
        or time.monotonic() - entry.built_at >= MAX_AGE_SECONDS
    ):
        entry = Kept(read(), version, time.monotonic())
        _kept[key] = entry
    _kept.move_to_end(key)
    while len(_kept) > MAX_KEPT:
        _kept.popitem(last=False)
    return entry.value


def memberships_for(index_page, base, facet_builders):
    """The memberships of ``base`` (the live services of ``index_page``)."""
    return kept(("memberships", index_page.pk), lambda: read_memberships(base, facet_builders))


def forget_all():
    _kept.clear()


def pairs_of(ids, queryset, *fields):
    """(service id, value) rows of ``queryset`` for the services in ``ids``.

    The rows are read whole and filtered here: joining each table to the base services
    in SQL cost tens of milliseconds per facet, a plain scan of these narrow tables one
    or two.
    """
    return [row for row in queryset.order_by().values_list(*fields) if row[0] in ids]


class PlaceLinks:
    """The places of the base services, read once, and facts about places."""

    def __init__(self, ids):
        self.places_of = defaultdict(set)
        for page_id, place_id in pairs_of(ids, ServicePlace.objects, "page_id", "place_id"):
            self.places_of[page_id].add(place_id)

    def spread(self, keys_of_place):
        """Option key -> ids of services having a place with that key."""
        members = defaultdict(set)
        for page_id, place_ids in self.places_of.items():
            for place_id in place_ids:
                for key in keys_of_place.get(place_id, ()):
                    members[key].add(page_id)
        return members


def keys_by_place(*fields):
    """Place id -> the set of values of ``fields`` (one lookup per place relation)."""
    keys = defaultdict(set)
    for place_id, value in Place.objects.values_list("pk", *fields):
        if value is not None:
            keys[place_id].add(value)
    return keys


def read_memberships(base, facet_builders):
    ids_by_title = list(base.order_by("title", "pk").values_list("pk", flat=True))
    ids = frozenset(ids_by_title)
    places = PlaceLinks(ids)
    memberships = Memberships(ids_by_title=ids_by_title, ids=ids)
    for builder in facet_builders:
        memberships.facets[builder.name] = builder.memberships(ids, places)
    memberships.weekdays = weekday_memberships(ids, places)
    return memberships


def weekday_memberships(ids, places):
    """Weekday -> services with regular hours that day: their own periods when they have
    some, else their places'."""
    members = defaultdict(set)
    own_hours = set()
    for page_id, weekday in pairs_of(ids, ServiceOpeningPeriod.objects, "page_id", "weekday"):
        own_hours.add(page_id)
        members[weekday].add(page_id)
    weekdays_of_place = defaultdict(set)
    for place_id, weekday in PlaceOpeningPeriod.objects.values_list("place_id", "weekday"):
        weekdays_of_place[place_id].add(weekday)
    for weekday, page_ids in places.spread(weekdays_of_place).items():
        members[weekday] |= page_ids - own_hours
    return members
