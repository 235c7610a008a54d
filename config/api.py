"""Wagtail's read-only pages API (``/api/v2/``), hardened for anonymous use.

- Bad input is a 400 with a JSON message, never a 500: NUL bytes, malformed numbers,
  dates or choices in filters.
- ``search`` is cleaned and capped like residents' search (``search.query``): 300 words
  no longer overflow PostgreSQL's query parser.
- Pages are those residents read in that language: an untranslated copy (an alias
  showing French text) is not listed as a page of another language.
- A listing of services costs a constant number of queries whatever its length: their
  related lists are prefetched.
- Anonymous clients are throttled (``API_ANON_RATE``, e.g. ``120/minute``).
"""

from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError
from rest_framework.throttling import AnonRateThrottle
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from core.validators import holds_nul
from search.query import clean_query, search_terms
from services_directory.models import ServicePage

SERVICE_PREFETCH = (
    "themes",
    "needs",
    "audiences",
    "access_modes",
    "spoken_languages",
    "service_places__place",
    "opening_periods",
    "hours_exceptions",
    "required_documents",
    "online_procedures",
)


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous clients' calls per client address, at ``settings.API_ANON_RATE``."""

    def get_rate(self):
        return settings.API_ANON_RATE


class ResidentPagesAPIViewSet(PagesAPIViewSet):
    throttle_classes = [AnonymousThrottle]

    def initial(self, request, *args, **kwargs):
        parameters = request._request.GET
        if holds_nul(parameters):
            raise BadRequestError("query parameters may not contain NUL characters")
        if "search" in parameters:
            cleaned = parameters.copy()
            cleaned["search"] = " ".join(search_terms(clean_query(parameters["search"])))
            request._request.GET = cleaned
        super().initial(request, *args, **kwargs)

    def get_base_queryset(self):
        # By primary key: the search backend can filter on it, not on alias_of.
        pages = super().get_base_queryset()
        return pages.filter(pk__in=pages.filter(alias_of__isnull=True).values("pk"))

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if queryset.model is ServicePage:
            queryset = queryset.select_related("organisation").prefetch_related(*SERVICE_PREFETCH)
        return queryset

    def handle_exception(self, exc):
        if isinstance(exc, ValidationError | ValueError | DataError | FieldError):
            exc = BadRequestError(f"bad query parameter: {exc}")
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ResidentPagesAPIViewSet)
