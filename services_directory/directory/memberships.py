"""Which services have which option, per directory page, kept in each process's memory.

Disjunctive counts over 10,000 services need every (service, option) pair of every
facet: about 100,000 pairs, which take a few hundred milliseconds to read from
PostgreSQL. They change only when editors publish, so each process keeps them per
directory page until the content version changes (``core.content_version``). A request
then only intersects sets in memory.

Places are few and shared by many services, so place facts (commune, accessibility,
weekly hours) are read per place and spread to services through their place links.
"""

from dataclasses import dataclass, field

from core.content_version import kept, minute_of

from ..models.opening import HoursRows, open_service_ids, places_of_services, read_hours_rows
from .facets import FACETS, OPEN_NOW, OPENING_FACET


@dataclass
class Memberships:
    ids_by_title: list
    ids: frozenset = frozenset()
    facets: dict = field(default_factory=dict)  # facet name -> option key -> set of ids
    hours: HoursRows | None = None
    weekdays: dict = field(default_factory=dict)  # weekday -> set of ids


def read_memberships(services):
    ids_by_title = list(services.order_by("title", "pk").values_list("pk", flat=True))
    ids = frozenset(ids_by_title)
    places_of = places_of_services(ids)
    hours = read_hours_rows(ids, places_of)
    return Memberships(
        ids_by_title=ids_by_title,
        ids=ids,
        facets={facet.name: facet.memberships(ids, places_of) for facet in FACETS},
        hours=hours,
        weekdays=hours.weekdays(),
    )


def memberships_of(index_page, services):
    """The memberships of ``services``, the live services of ``index_page``."""
    return kept(("memberships", index_page.pk), lambda: read_memberships(services))


def opening_memberships(index_page, services, known, now):
    """The opening facet's memberships: each weekday, and “now” for the current minute."""
    minute = minute_of(now)

    open_now = kept(
        ("open-now", index_page.pk, minute),
        lambda: open_service_ids(services, now, rows=known.hours),
    )
    return {**known.weekdays, OPEN_NOW: open_now}


def facet_memberships(index_page, services, now):
    """Facet name -> option key -> ids, every facet of the directory included."""
    known = memberships_of(index_page, services)
    return known, {
        **known.facets,
        OPENING_FACET.name: opening_memberships(index_page, services, known, now),
    }
