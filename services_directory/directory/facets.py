"""The directory's facets: their options in a language, and which services have each.

Facet values in addresses are taxonomy slugs. A slug is per language, so a choice is
resolved to the taxonomy's ``translation_key`` (an option's ``key``) and services are
matched on it: the same choice works whatever language the service and its taxonomies
were written in, and a shared address keeps its meaning when the visitor switches
language.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from core.i18n import in_locale_or_source
from places.models import Place
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

from ..models.service import ServicePage

OPEN_NOW = "now"


@dataclass(frozen=True)
class Option:
    value: str  # as in the address
    label: str
    key: object  # what services are matched on


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: tuple
    multiple: bool = True

    def option(self, value):
        return next((option for option in self.options if option.value == value), None)


def pairs_of(ids, queryset, *fields):
    """(service id, value) rows of ``queryset`` for the services in ``ids``.

    The rows are read whole and filtered here: joining each table to the directory's
    services in SQL cost tens of milliseconds per facet, a plain scan of these narrow
    tables one or two.
    """
    return [row for row in queryset.order_by().values_list(*fields) if row[0] in ids]


def ids_by_value(pairs, key_of=None):
    """Value -> set of service ids, from (service id, value) pairs."""
    members = defaultdict(set)
    for pk, value in pairs:
        if value is not None:
            members[key_of[value] if key_of is not None else value].add(pk)
    return members


def spread_to_services(places_of, keys_of_place):
    """Option key -> ids of the services having a place with that key."""
    members = defaultdict(set)
    for page_id, place_ids in places_of.items():
        for place_id in place_ids:
            for key in keys_of_place.get(place_id, ()):
                members[key].add(page_id)
    return members


def keys_by_place(field_name):
    """Place id -> the set of values of ``field_name`` (one query for every place
    residents see)."""
    keys = defaultdict(set)
    for place_id, value in Place.objects.for_residents().values_list("pk", field_name):
        if value is not None:
            keys[place_id].add(value)
    return keys


class TaxonomyFacet:
    """A facet over a translatable taxonomy linked to services by ``field_name``."""

    def __init__(self, name, label, model, field_name):
        self.name, self.label, self.model, self.field_name = name, label, model, field_name

    def build(self, locale):
        terms = in_locale_or_source(self.model.objects.order_by("sort_order", "name"), locale)
        options = tuple(
            Option(term.slug, self.label_of(term), term.translation_key) for term in terms
        )
        return Facet(self.name, self.label, options)

    def label_of(self, term):
        return term.name

    def memberships(self, ids, places_of):
        """Taxonomy translation key -> the services among ``ids`` having it."""
        translation_keys = dict(self.model.objects.values_list("pk", "translation_key"))
        field = ServicePage._meta.get_field(self.field_name)
        links = field.remote_field.through.objects
        pairs = pairs_of(ids, links, field.m2m_column_name(), field.m2m_reverse_name())
        return ids_by_value(pairs, translation_keys)


class LanguageFacet(TaxonomyFacet):
    def label_of(self, term):
        if term.name_local == term.name:
            return term.name_local
        return f"{term.name_local} – {term.name}"


class PlaceFeatureFacet(TaxonomyFacet):
    """A facet over a taxonomy of places: a service has what one of its places has."""

    def memberships(self, ids, places_of):
        return spread_to_services(places_of, keys_by_place(f"{self.field_name}__translation_key"))


class CommuneFacet:
    name = "commune"
    label = _("Commune")

    def build(self, locale):
        communes = (
            Place.objects.for_residents()
            .filter(service_links__page__locale=locale)
            .values_list("commune", flat=True)
            .distinct()
            .order_by("commune")
        )
        return Facet(self.name, self.label, tuple(Option(c, c, c) for c in communes))

    def memberships(self, ids, places_of):
        return spread_to_services(places_of, keys_by_place("commune"))


class CostFacet:
    name = "free"
    label = _("Cost")

    def build(self, locale):
        option = Option("1", _("Free of charge"), ServicePage.Cost.FREE.value)
        return Facet(self.name, self.label, (option,), multiple=False)

    def memberships(self, ids, places_of):
        return ids_by_value(pairs_of(ids, ServicePage.objects, "pk", "cost"))


class OpeningFacet:
    """Open now, or open on a weekday: its memberships come from the services' hours
    (``models.opening``), the “now” one per minute."""

    name = "open"
    label = _("Opening hours")

    def build(self, locale):
        weekdays = tuple(Option(str(day), WEEKDAYS[day], day) for day in range(7))
        return Facet(
            self.name, self.label, (Option(OPEN_NOW, _("Open now"), OPEN_NOW), *weekdays), False
        )


FACETS = [
    TaxonomyFacet("theme", _("Theme"), Theme, "themes"),
    TaxonomyFacet("audience", _("For whom"), Audience, "audiences"),
    CommuneFacet(),
    LanguageFacet("language", _("Language spoken"), SpokenLanguage, "spoken_languages"),
    TaxonomyFacet("access", _("How to access"), AccessMode, "access_modes"),
    CostFacet(),
    PlaceFeatureFacet(
        "feature",
        _("Accessibility of the premises"),
        AccessibilityFeature,
        "accessibility_features",
    ),
]
OPENING_FACET = OpeningFacet()
