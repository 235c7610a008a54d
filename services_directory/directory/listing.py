"""The directory page for one request: read the address, match, count, order, present.

The number of queries is constant whatever the number of services: memberships and
facet options are kept in memory (``memberships``), and only the twenty services shown
are loaded, with their cards (``core.cards``).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cards import attach_cards
from core.content_version import kept
from places.geo import communes
from places.models import Place
from search.engine import SearchUnavailable, narrow

from ..models.service import ServicePage
from . import ordering
from .counting import count
from .facets import FACETS, OPENING_FACET
from .memberships import facet_memberships
from .query import SORTS, read_query

# Services per directory page: enough to scan, few enough for an old phone.
DIRECTORY_PAGE_SIZE = 20
NEAREST_PLACES_SHOWN = 3
# Parameters that say how to show the list, not what it holds.
VIEW_PARAMETERS = ("page", "partial")


@dataclass(frozen=True)
class ShownOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class ShownFacet:
    name: str
    label: str
    multiple: bool
    options: tuple

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    def option(self, value):
        return next((option for option in self.options if option.value == value), None)


def facets_of(locale):
    """The facets in ``locale``: options are kept until the content version changes."""
    return kept(
        ("facets", locale.pk),
        lambda: [facet.build(locale) for facet in [*FACETS, OPENING_FACET]],
    )


def shown_facets(facets, query, counted):
    return [
        ShownFacet(
            name=facet.name,
            label=facet.label,
            multiple=facet.multiple,
            options=tuple(
                ShownOption(
                    value=option.value,
                    label=option.label,
                    count=counted.counts.get(facet.name, {}).get(option.key, 0),
                    selected=option.key in query.chosen(facet.name),
                )
                for option in facet.options
            ),
        )
        for facet in facets
    ]


class Address:
    """The directory's current address, and addresses one choice away from it."""

    def __init__(self, params):
        self.pairs = [
            (key, item)
            for key, items in params.lists()
            for item in items
            if key not in VIEW_PARAMETERS
        ]

    def query_string(self):
        return urlencode(self.pairs)

    def without(self, name, value=None):
        """The address without parameter ``name`` (only its ``value`` when given)."""
        return "?" + urlencode(
            [
                (key, item)
                for key, item in self.pairs
                if not (key == name and (value is None or item == value))
            ]
        )


def active_filters(facets, query, address):
    """Each choice as a chip that removes it."""
    chips = [
        {
            "label": chip_label(facet.label, option.label),
            "url": address.without(facet.name, option.value),
        }
        for facet in facets
        for option in facet.selected
    ]
    if query.near is not None:
        chips.append(
            {"label": chip_label(_("Near"), query.near.name), "url": address.without("near")}
        )
    if query.served:
        chips.append(
            {
                "label": _("Only services for residents of %(commune)s")
                % {"commune": query.near.name},
                "url": address.without("served"),
            }
        )
    return chips


def chip_label(facet_label, choice):
    return _("%(facet)s: %(choice)s") % {"facet": facet_label, "choice": choice}


def nearest_places(locale, commune):
    """The hubs and antennas for residents of ``commune``, nearest first: those whose
    catchment area holds it, else (none declared) the nearest ones; and which it is."""
    if commune is None:
        return [], False
    places = Place.objects.for_residents().filter(locale=locale).reception_points()
    serving = places.serving(commune)
    chosen = serving if serving.exists() else places
    nearest = chosen.nearest_to(commune.latitude, commune.longitude, NEAREST_PLACES_SHOWN)
    return [{"place": place, "km": km} for place, km in nearest], chosen is serving


def directory_context(index_page, request):
    now = timezone.now()
    locale = index_page.locale
    facets = facets_of(locale)
    query = read_query(request.GET, facets, locale.language_code)
    services = index_page.live_services()

    text_ids, searched, search_failed = None, query.question, False
    if query.question:
        try:
            found = narrow(services, query.question, locale.pk)
            text_ids, searched = found.ids, found.question
        except SearchUnavailable:
            search_failed = True
    known, memberships = facet_memberships(index_page, services, now)
    base_ids = known.ids if text_ids is None else known.ids & set(text_ids)
    if query.served:
        base_ids &= set(services.competent_for(query.near).values_list("pk", flat=True))
    counted = count(memberships, dict(query.choices), base_ids)

    distances = {}
    if query.sort == "relevance" and text_ids is not None:
        ids = ordering.by_relevance(text_ids, counted.ids)
    elif query.sort == "distance":
        ids, distances = ordering.by_distance(services, counted.ids, query.near)
    elif query.sort == "next_opening":
        ids = ordering.by_next_opening(services, counted.ids, now)
    else:
        ids = ordering.by_name(known.ids_by_title, counted.ids)

    paginator = Paginator(ids, DIRECTORY_PAGE_SIZE)
    page = paginator.page(min(query.page, paginator.num_pages))
    by_pk = ServicePage.objects.filter(pk__in=list(page.object_list)).in_bulk()
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    attach_cards(page.object_list, request, now)
    for service in page.object_list:
        service.distance_km = distances.get(service.pk)

    shown = shown_facets(facets, query, counted)
    address = Address(request.GET)
    hubs, hubs_serve = nearest_places(locale, query.near)
    return {
        "services_page": page,
        "paginator": paginator,
        "facets": shown[:-1],
        "open_facet": shown[-1],
        "active_filters": active_filters(shown, query, address),
        "clear_url": "?" + (urlencode({"q": query.text}) if query.text else ""),
        "query_string": address.query_string(),
        "directory_query": query.text,
        "searched": searched,
        "search_failed": search_failed,
        "ignored_filters": list(query.ignored),
        "sort": query.sort,
        "sorts": [(key, label) for key, label in SORTS.items() if query.sort_available(key)],
        "near": query.near,
        "communes": sorted(communes().values(), key=lambda c: (c.country, c.name)),
        "served": query.served,
        "nearest_places": hubs,
        "nearest_places_serve": hubs_serve,
        "noindex": bool(query.text) or query.filter_count > 1 or query.near is not None,
        "now": now,
    }
