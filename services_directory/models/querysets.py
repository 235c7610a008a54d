"""Service pages in the domain's words: ``ServicePage.objects.for_residents(locale)``…"""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from core.moderation import live_lookup

from .delivery import ServicePlace
from .opening import open_service_ids

# What listings prefetch so that each card costs no query of its own.
CARD_PREFETCH = (
    "themes",
    "spoken_languages",
    "access_modes",
    "online_procedures",
    "opening_periods",
    "hours_exceptions",
    "service_places__place__opening_periods",
    "service_places__place__hours_exceptions",
    "service_places__place__accessibility_features",
)


class ServicePageQuerySet(PageQuerySet):
    def for_residents(self, locale):
        """The services residents of ``locale`` can read: live, public, in that language."""
        return self.live().public().filter(locale=locale)

    def with_card_data(self):
        """Everything a service card shows, prefetched: no query per card."""
        return self.prefetch_related(*CARD_PREFETCH)

    def with_search_data(self):
        """Everything the search fields read (``ServicePage.search_fields``), prefetched:
        indexing a batch of services costs a few queries, not a few per service."""
        return self.select_related("locale", "organisation").prefetch_related(
            "themes", "audiences", "needs", "required_documents", "service_places__place"
        )

    def with_theme(self, theme):
        """Services filed under ``theme`` in any language (themes are matched by their
        translation key, so a page keeps its theme when either is translated)."""
        return self.filter(themes__translation_key=theme.translation_key).distinct()

    def delivered_at(self, place):
        """Services delivered at ``place`` or at one of its published translations."""
        return self.filter(
            service_places__place__translation_key=place.translation_key,
            **live_lookup("service_places__place__"),
        ).distinct()

    def competent_for(self, commune):
        """Services residents of ``commune`` (``places.geo.Commune``) can use: those whose
        catchment area holds it, and those open to everyone. The rule of
        ``ServicePage.catchment``: a service's own communes, else its places' communes."""
        in_commune = Q(communes_served__country=commune.country, communes_served__code=commune.code)
        own = self.model.communes_served.through.objects.filter(servicepage=OuterRef("pk"))
        places = ServicePlace.objects.for_residents().filter(page=OuterRef("pk"))
        places_any = places.filter(place__communes_served__isnull=False)
        places_match = places.filter(
            place__communes_served__country=commune.country,
            place__communes_served__code=commune.code,
        )
        return self.filter(
            Q(pk__in=self.model.objects.filter(in_commune).values("pk"))
            | (~Exists(own) & (Exists(places_match) | ~Exists(places_any)))
        )

    def open_at(self, moment):
        """Services open at ``moment``: hours, exceptions and suspension applied."""
        return self.filter(pk__in=open_service_ids(self, moment))

    def review_overdue(self, today):
        """Services whose last check is older than their review interval."""
        return self.filter(review_due__lt=today)


ServicePageManager = PageManager.from_queryset(ServicePageQuerySet)
