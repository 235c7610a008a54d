"""The records of one language's feed, filtered, and what each list prefetches.

A feed holds the services residents of that language read: live, public, in that
language (``ServicePage.objects.for_residents``). An untranslated copy (an alias showing
the French text) is not a service of another language: it is left out, and partners
take the French feed for what is not translated yet. Organisations and places are the
published ones (``core.moderation``) the feed's services point at, terms those of the
feed's language; ids are translation keys (``ids``), so the same record has the same id
in every feed.

Lists are paged on an ordered list of primary keys, then only the page's records are
read with their relations prefetched: a page of 100 costs what a page of 1 does.
"""

from django.db.models import Prefetch, Q
from wagtail.models import Locale

from places.geo import distance_km
from places.models import Organisation, Place
from search.engine import narrow
from search.query import Question
from services_directory.models import ServicePage, ServicePlace
from taxonomy.models import Need

from .serializers import TAXONOMIES, service_at_location_id

PLACE_PREFETCH = (
    "opening_periods",
    "hours_exceptions",
    "accessibility_features",
    "communes_served",
)


def locale_of(language):
    return Locale.objects.filter(language_code=language).first()


def services_of(locale):
    """The feed's services, translations only (no untranslated copies), by title."""
    return (
        ServicePage.objects.for_residents(locale)
        .filter(alias_of__isnull=True)
        .order_by("title", "pk")
    )


def terms(taxonomy):
    """The terms of a taxonomy with what ``serializers.term_object`` reads."""
    queryset = taxonomy.model.objects.select_related("locale")
    return queryset.select_related("theme") if taxonomy.model is Need else queryset


def with_summary_data(services):
    return services.select_related("organisation")


def with_full_data(services):
    """Everything ``serializers.service_object`` reads, prefetched."""
    return with_summary_data(services).prefetch_related(
        *(Prefetch(taxonomy.field, queryset=terms(taxonomy)) for taxonomy in TAXONOMIES),
        "spoken_languages",
        "required_documents",
        "communes_served",
        "opening_periods",
        "hours_exceptions",
        Prefetch(
            "service_places",
            queryset=ServicePlace.objects.select_related("place__organisation").prefetch_related(
                *(f"place__{name}" for name in PLACE_PREFETCH)
            ),
        ),
    )


def filter_services(services, filters, locale):
    """``filters``: the cleaned query parameters (``params``)."""
    term_key = filters.get("taxonomy_term_id")
    if term_key:
        matching = Q()
        for taxonomy in TAXONOMIES:
            matching |= Q(**{f"{taxonomy.field}__translation_key": term_key})
        services = services.filter(pk__in=services.filter(matching).values("pk"))
    taxonomy_id = filters.get("taxonomy_id")
    if taxonomy_id:
        chosen = [taxonomy for taxonomy in TAXONOMIES if taxonomy.id == str(taxonomy_id)]
        if not chosen:
            return services.none()
        services = services.filter(
            pk__in=services.filter(**{f"{chosen[0].field}__isnull": False}).values("pk")
        )
    if filters.get("organization_id"):
        services = services.filter(
            organisation__in=Organisation.objects.for_residents().filter(
                translation_key=filters["organization_id"]
            )
        )
    if filters.get("modified_after"):
        services = services.filter(last_published_at__gte=filters["modified_after"])
    # As in the directory: words that say nothing (stop words only) do not narrow the list.
    question = Question.parse(filters.get("search", ""), locale.language_code)
    if question:
        services = services.filter(pk__in=narrow(services, question, locale.pk).ids)
    return services


def ordered(model_queryset, ids):
    """The records of ``ids``, in that order."""
    by_pk = {record.pk: record for record in model_queryset.filter(pk__in=ids)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def organisation_ids(services, locale):
    """The organisations the services are delivered by or at, one per translation key:
    the copy in the feed's language when there is one (else the oldest), by name."""
    pks = services.values("pk")
    keys = set(
        Organisation.objects.for_residents()
        .filter(
            Q(services__in=pks)
            | Q(places__in=Place.objects.for_residents().filter(service_links__page__in=pks))
        )
        .values_list("translation_key", flat=True)
    )
    chosen = {}
    for pk, key, locale_id, name in (
        Organisation.objects.for_residents()
        .filter(translation_key__in=keys)
        .order_by("pk")
        .values_list("pk", "translation_key", "locale_id", "name")
    ):
        if key not in chosen or locale_id == locale.pk:
            chosen[key] = (name, pk)
    return [pk for _name, pk in sorted(chosen.values())]


def organisation_locations(organisation, services):
    """The places an organisation runs where the feed's services are delivered."""
    return (
        Place.objects.for_residents()
        .filter(
            organisation__translation_key=organisation.translation_key,
            service_links__page__in=services.values("pk"),
        )
        .distinct()
        .select_related("organisation")
        .prefetch_related(*PLACE_PREFETCH)
    )


def terms_of(locale, taxonomy_id=None, search=""):
    """The feed language's terms of every taxonomy (or one), in the taxonomies' order."""
    found = []
    for taxonomy in TAXONOMIES:
        if taxonomy_id and taxonomy.id != str(taxonomy_id):
            continue
        queryset = terms(taxonomy).filter(locale=locale)
        found.extend(queryset.filter(name__icontains=search) if search else queryset)
    return found


def term_with_key(locale, key):
    """The term of the feed's language with that id (translation key), or None."""
    for taxonomy in TAXONOMIES:
        term = terms(taxonomy).filter(locale=locale, translation_key=key).first()
        if term is not None:
            return term
    return None


def service_place_ids(services, postcode="", proximity=None, centre=None):
    """The (service, place) links of the services, nearest first when ``proximity`` (in
    metres) from ``centre`` (a ``places.geo.Commune``) is given, else by service."""
    links = ServicePlace.objects.for_residents().filter(page__in=services.values("pk"))
    if proximity is None:
        if postcode:
            links = links.filter(place__postcode=postcode)
        return list(
            links.order_by("page__title", "page_id", "sort_order", "pk").values_list(
                "pk", flat=True
            )
        )
    located = links.filter(place__latitude__isnull=False, place__longitude__isnull=False)
    ranked = []
    for pk, latitude, longitude in located.values_list("pk", "place__latitude", "place__longitude"):
        km = distance_km(centre.latitude, centre.longitude, float(latitude), float(longitude))
        if km * 1000 <= proximity:
            ranked.append((km, pk))
    return [pk for _km, pk in sorted(ranked)]


def service_place_with_key(services, key):
    """The primary key of the (service, place) link whose HSDS id is ``key``, or None."""
    links = (
        ServicePlace.objects.for_residents()
        .filter(page__in=services.values("pk"))
        .values_list("pk", "page__translation_key", "place__translation_key")
    )
    return next(
        (pk for pk, service, place in links if service_at_location_id(service, place) == key),
        None,
    )


def with_location_data(links):
    return links.select_related("page__organisation", "place__organisation").prefetch_related(
        *(f"place__{name}" for name in PLACE_PREFETCH)
    )
