"""What the directory page shows for a request: facets with counts, services, sorting.

The whole state lives in the query string (a GET form), so every view of the
directory is shareable and works without JavaScript. Values that mean nothing are
ignored and reported, never an error; numbers are clamped.

Counts are disjunctive: each option counts the services matching the *other* facets'
choices plus itself, as shops do. The number of queries is constant: one per facet for
its memberships, a few for hours and results, whatever the number of services.
"""

import copy
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.engine import SearchUnavailable, matching_ids
from search.query import clean_query

from ..models.index import DIRECTORY_PAGE_SIZE
from ..models.service import CARD_PREFETCH, ServicePage
from .cards import attach_cards
from .filters import OPEN_NOW, TAXONOMY_FACETS, WEEKDAY_VALUES, Facet, Option, read_values
from .geo import communes, distance_km, find_commune
from .memberships import kept, memberships_for
from .opening import open_now_ids

MAX_PAGE_NUMBER = 10_000
NEAREST_PLACES_SHOWN = 3
SORTS = {
    "relevance": _("Relevance"),
    "name": _("Name"),
    "next_opening": _("Next opening"),
    "distance": _("Distance"),
}


def parse_page_number(raw):
    """A page number from the query string, clamped to 1..MAX_PAGE_NUMBER."""
    try:
        number = int(str(raw).strip()[:8])
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


class DirectoryView:
    """One directory request: parsed choices, filtered services, counts."""

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.params = request.GET
        self.locale = index_page.locale
        self.now = timezone.now()
        self.ignored = []
        self.facet_builders = TAXONOMY_FACETS
        self.facets = copy.deepcopy(
            kept(
                ("facets", self.locale.pk),
                lambda: [builder.build(self.locale) for builder in self.facet_builders],
            )
        )
        self.choices = {}  # facet name -> list of selected keys
        for builder, facet in zip(self.facet_builders, self.facets, strict=True):
            self.read_choice(builder, facet)
        self.open_facet = self.build_open_facet()
        self.query = clean_query(self.params.get("q", ""))
        self.near = self.read_near()
        self.sort = self.read_sort()
        self.search_failed = False

    # Reading the query string ----------------------------------------------------------
    def read_choice(self, builder, facet):
        values, truncated = read_values(self.params, facet.name)
        if truncated:
            self.ignored.append(facet.label)
        for value in values:
            option = facet.option(value)
            if option is None:
                self.ignored.append(facet.label)
                continue
            option.selected = True
            facet.selected.append(option)
        if facet.selected:
            self.choices[facet.name] = [option.key for option in facet.selected]

    def build_open_facet(self):
        from django.utils.dates import WEEKDAYS

        options = [Option(OPEN_NOW, _("Open now"), OPEN_NOW)] + [
            Option(value, WEEKDAYS[int(value)], int(value)) for value in WEEKDAY_VALUES
        ]
        facet = Facet("open", _("Opening hours"), options, multiple=False)
        values, _truncated = read_values(self.params, "open")
        if values:
            option = facet.option(values[0])
            if option is None or len(values) > 1:
                self.ignored.append(facet.label)
            if option is not None:
                option.selected = True
                facet.selected.append(option)
        return facet

    def read_near(self):
        raw = self.params.get("near", "")
        commune = find_commune(raw)
        if raw.strip() and commune is None:
            self.ignored.append(_("Near"))
        return commune

    def read_sort(self):
        sort = self.params.get("sort", "")
        if sort and sort not in SORTS:
            self.ignored.append(_("Sort by"))
            sort = ""
        if sort == "distance" and self.near is None:
            sort = ""
        if sort == "relevance" and not self.query:
            sort = ""
        return sort or ("relevance" if self.query else "name")

    # Querying ----------------------------------------------------------------------------
    def base_queryset(self):
        """The directory's live services; ``search_ids`` holds the query's matches, if any."""
        services = self.index_page.live_services()
        self.search_ids = None
        if self.query:
            try:
                self.search_ids = matching_ids(services, self.query)
            except SearchUnavailable:
                self.search_failed = True
                self.search_ids = None
        return services

    def match_sets(self, base):
        """The ids of the services matching every choice; sets every option's count.

        Counts are disjunctive: an option counts the services matching all the *other*
        facets' choices and that option, computed as set intersections over the
        directory's memberships (see ``memberships``).
        """
        known = memberships_for(self.index_page, base, self.facet_builders)
        self.ids_by_title = known.ids_by_title
        base_ids = known.ids
        if self.search_ids is not None:
            base_ids = base_ids & set(self.search_ids)
        members, weekdays = known.facets, known.weekdays
        open_now = None
        matched = {}
        for name, keys in self.choices.items():
            matched[name] = set().union(*(members[name].get(key, set()) for key in keys))
        if self.open_facet.selected:
            key = self.open_facet.selected[0].key
            if key == OPEN_NOW:
                open_now = self.open_now_ids(base)
                matched["open"] = open_now
            else:
                matched["open"] = weekdays.get(key, set())

        def all_but(facet_name):
            ids = base_ids
            for name, match in matched.items():
                if name != facet_name:
                    ids = ids & match
            return ids

        for facet in self.facets:
            others = all_but(facet.name)
            for option in facet.options:
                option.count = len(others & members[facet.name].get(option.key, set()))
        others = all_but("open")
        for option in self.open_facet.options:
            if option.key == OPEN_NOW:
                if open_now is None:
                    open_now = self.open_now_ids(base)
                option.count = len(others & open_now)
            else:
                option.count = len(others & weekdays.get(option.key, set()))
        return all_but(None)

    def open_now_ids(self, base):
        minute = self.now.replace(second=0, microsecond=0)
        return kept(("open-now", self.index_page.pk, minute), lambda: open_now_ids(base, self.now))

    def ordered_ids(self, base, wanted):
        """The ids of ``wanted`` (a set) in the chosen order."""
        if self.sort == "relevance" and self.query and self.search_ids is not None:
            return [pk for pk in self.search_ids if pk in wanted]
        if self.sort == "distance":
            return self.ids_by_distance(base, wanted)
        if self.sort == "next_opening":
            return self.ids_by_next_opening(base.filter(pk__in=list(wanted)))
        return [pk for pk in self.ids_by_title if pk in wanted]

    def ids_by_distance(self, base, wanted):
        self.distances = {}
        titles = {}
        rows = base.order_by().values_list(
            "pk", "title", "service_places__place__latitude", "service_places__place__longitude"
        )
        for pk, title, latitude, longitude in rows:
            if pk not in wanted:
                continue
            titles[pk] = title
            if latitude is None or longitude is None:
                self.distances.setdefault(pk, None)
                continue
            km = distance_km(
                self.near.latitude, self.near.longitude, float(latitude), float(longitude)
            )
            current = self.distances.get(pk)
            self.distances[pk] = km if current is None else min(current, km)
        return sorted(
            self.distances,
            key=lambda pk: (self.distances[pk] is None, self.distances[pk] or 0, titles[pk]),
        )

    def ids_by_next_opening(self, services):
        # Every opening rule applies (exceptions, nights), so this sort runs in Python.
        far_future = self.now.replace(year=self.now.year + 10)

        def rank(service):
            status = None if service.is_suspended else service.overall_status(self.now)
            if status is None:
                return (2, far_future, service.title)
            if status.is_open:
                return (0, self.now, service.title)
            return (1, status.next_opening or far_future, service.title)

        return [s.pk for s in sorted(services.prefetch_related(*CARD_PREFETCH), key=rank)]

    # Output ------------------------------------------------------------------------------
    def active_filters(self):
        chips = []
        for facet in [*self.facets, self.open_facet]:
            for option in facet.selected:
                chips.append(
                    {
                        "label": f"{facet.label}: {option.label}",
                        "url": self.url_without(facet.name, option.value),
                    }
                )
        if self.near is not None:
            chips.append(
                {"label": f"{_('Near')}: {self.near.name}", "url": self.url_without("near", None)}
            )
        return chips

    def url_without(self, name, value):
        pairs = [
            (key, item)
            for key, items in self.params.lists()
            for item in items
            if key not in ("page", "partial")
            and not (key == name and (value is None or item == value))
        ]
        return "?" + urlencode(pairs)

    def query_string(self):
        return urlencode(
            [
                (key, item)
                for key, items in self.params.lists()
                for item in items
                if key not in ("page", "partial")
            ]
        )

    def nearest_places(self):
        if self.near is None:
            return []
        from places.models import Place

        places = Place.objects.filter(
            locale=self.locale, kind__in=["hub", "antenna"], latitude__isnull=False
        )
        ranked = sorted(
            (
                (
                    distance_km(
                        self.near.latitude,
                        self.near.longitude,
                        float(p.latitude),
                        float(p.longitude),
                    ),
                    p,
                )
                for p in places
            ),
            key=lambda pair: pair[0],
        )
        return [{"place": place, "km": km} for km, place in ranked[:NEAREST_PLACES_SHOWN]]

    def context(self):
        base = self.base_queryset()
        ids = self.ordered_ids(base, self.match_sets(base))
        paginator = Paginator(ids, DIRECTORY_PAGE_SIZE)
        page_number = min(parse_page_number(self.params.get("page", 1)), paginator.num_pages)
        page = paginator.page(page_number)
        by_pk = ServicePage.objects.filter(pk__in=list(page.object_list)).in_bulk()
        page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
        attach_cards(page.object_list, self.request, self.now)
        distances = getattr(self, "distances", {})
        for service in page.object_list:
            service.distance_km = distances.get(service.pk)
        filter_count = sum(len(f.selected) for f in [*self.facets, self.open_facet])
        return {
            "services_page": page,
            "paginator": paginator,
            "facets": self.facets,
            "open_facet": self.open_facet,
            "active_filters": self.active_filters(),
            "clear_url": "?" + (urlencode({"q": self.query}) if self.query else ""),
            "query_string": self.query_string(),
            "directory_query": self.query,
            "search_failed": self.search_failed,
            "ignored_filters": sorted({str(label) for label in self.ignored}),
            "sort": self.sort,
            "sorts": [(key, label) for key, label in SORTS.items() if self.sort_available(key)],
            "near": self.near,
            "communes": sorted(communes().values(), key=lambda c: (c.country, c.name)),
            "nearest_places": self.nearest_places(),
            "noindex": bool(self.query) or filter_count > 1 or self.near is not None,
            "now": self.now,
        }

    def sort_available(self, key):
        return not (
            (key == "relevance" and not self.query) or (key == "distance" and self.near is None)
        )


def directory_context(index_page, request):
    return DirectoryView(index_page, request).context()
