"""The directory's facets: what the query string may say and how each narrows services.

Facet values in addresses are taxonomy slugs. A slug is per language, so a choice is
resolved to the taxonomy's ``translation_key`` and services are filtered on it: the same
choice works whatever language the service and its taxonomies were written in, and a
shared address keeps its meaning when the visitor switches language.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from places.models import Place
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

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


class TaxonomyFacet:
    """A facet over a translatable taxonomy reached from ServicePage by ``lookup``."""

    def __init__(self, name, label, model, lookup):
        self.name, self.label, self.model, self.lookup = name, label, model, lookup
        self.count_field = f"{lookup}__translation_key"

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

    def q(self, keys):
        return Q(**{f"{self.lookup}__translation_key__in": keys})


class LanguageFacet(TaxonomyFacet):
    def label_of(self, obj):
        return obj.name_local if obj.name_local == obj.name else f"{obj.name_local} – {obj.name}"


class CommuneFacet:
    name = "commune"
    label = _("Commune")
    count_field = "service_places__place__commune"

    def build(self, locale):
        communes = (
            Place.objects.filter(service_links__page__locale=locale)
            .values_list("commune", flat=True)
            .distinct()
            .order_by("commune")
        )
        return Facet(self.name, self.label, [Option(c, c, c) for c in communes])

    def q(self, keys):
        return Q(service_places__place__commune__in=keys)


class FreeFacet:
    name = "free"
    label = _("Cost")
    count_field = "cost"

    def build(self, locale):
        return Facet(
            self.name, self.label, [Option("1", _("Free of charge"), "free")], multiple=False
        )

    def q(self, keys):
        return Q(cost__in=keys)


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
