"""The directory's facets: what the query string may say and how each narrows services.

Facet values in addresses are taxonomy slugs. A slug is per language, so a choice is
resolved to the taxonomy's ``translation_key`` and services are filtered on it: the same
choice works whatever language the service and its taxonomies were written in, and a
shared address keeps its meaning when the visitor switches language.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from places.models import Place
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

from ..models import ServicePage
from .memberships import keys_by_place, pairs_of

# Guards against absurd addresses: more values than any real choice, or huge values.
MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 80
WEEKDAY_VALUES = [str(day) for day in range(7)]
OPEN_NOW = "now"


@dataclass
class Option:
    value: str
    label: str
    key: object = None  # what the filter matches on
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected: list = field(default_factory=list)  # selected Options
    multiple: bool = True

    def option(self, value):
        return next((option for option in self.options if option.value == value), None)


PLACE_LOOKUP = "service_places__place__"


def ids_by_value(pairs, key_of=None):
    """Value -> set of service ids, from (service id, value) pairs."""
    members = defaultdict(set)
    for pk, value in pairs:
        if value is not None:
            members[key_of[value] if key_of is not None else value].add(pk)
    return members


class TaxonomyFacet:
    """A facet over a translatable taxonomy reached from ServicePage by ``lookup``."""

    def __init__(self, name, label, model, lookup):
        self.name, self.label, self.model, self.lookup = name, label, model, lookup

    def build(self, locale):
        objects = list(self.model.objects.filter(locale=locale).order_by("sort_order", "name"))
        if not objects and locale.language_code != "fr":
            objects = list(
                self.model.objects.filter(locale__language_code="fr").order_by("sort_order", "name")
            )
        options = [Option(obj.slug, self.label_of(obj), obj.translation_key) for obj in objects]
        return Facet(self.name, self.label, options)

    def label_of(self, obj):
        return obj.name

    def memberships(self, ids, places):
        """Taxonomy translation key -> the services among ``ids`` having it."""
        if self.lookup.startswith(PLACE_LOOKUP):
            relation = self.lookup.removeprefix(PLACE_LOOKUP)
            return places.spread(keys_by_place(f"{relation}__translation_key"))
        translation_keys = dict(self.model.objects.values_list("pk", "translation_key"))
        field = ServicePage._meta.get_field(self.lookup)
        links = field.remote_field.through.objects
        pairs = pairs_of(ids, links, field.m2m_column_name(), field.m2m_reverse_name())
        return ids_by_value(pairs, translation_keys)


class LanguageFacet(TaxonomyFacet):
    def label_of(self, obj):
        return obj.name_local if obj.name_local == obj.name else f"{obj.name_local} – {obj.name}"


class CommuneFacet:
    name = "commune"
    label = _("Commune")

    def build(self, locale):
        communes = (
            Place.objects.filter(service_links__page__locale=locale)
            .values_list("commune", flat=True)
            .distinct()
            .order_by("commune")
        )
        return Facet(self.name, self.label, [Option(c, c, c) for c in communes])

    def memberships(self, ids, places):
        return places.spread(keys_by_place("commune"))


class FreeFacet:
    name = "free"
    label = _("Cost")

    def build(self, locale):
        return Facet(
            self.name, self.label, [Option("1", _("Free of charge"), "free")], multiple=False
        )

    def memberships(self, ids, places):
        return ids_by_value(pairs_of(ids, ServicePage.objects, "pk", "cost"))


TAXONOMY_FACETS = [
    TaxonomyFacet("theme", _("Theme"), Theme, "themes"),
    TaxonomyFacet("audience", _("For whom"), Audience, "audiences"),
    CommuneFacet(),
    LanguageFacet("language", _("Language spoken"), SpokenLanguage, "spoken_languages"),
    TaxonomyFacet("access", _("How to access"), AccessMode, "access_modes"),
    FreeFacet(),
    TaxonomyFacet(
        "feature",
        _("Accessibility of the premises"),
        AccessibilityFeature,
        "service_places__place__accessibility_features",
    ),
]


def read_values(params, name):
    """The distinct, length-capped values of one parameter, and whether some were dropped."""
    raw = params.getlist(name)
    values = []
    for value in raw:
        value = value.strip()[:MAX_VALUE_LENGTH]
        if value and value not in values:
            values.append(value)
    return values[:MAX_VALUES_PER_FACET], len(values) > MAX_VALUES_PER_FACET
