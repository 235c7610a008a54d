"""The HSDS 3.0 API: read-only JSON, one feed per language (``?lang=``, French by default).

Every answer is open to other origins (``Access-Control-Allow-Origin: *``) and kept in
the cache until the next edit (the content version is in the key) or the next day
(closures to come and UTC offsets depend on the date). Bad parameters are a 400 with a
JSON ``message`` and the ``errors`` of each parameter, in the feed's language.
"""

import hashlib
import json
import math
from functools import wraps

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.content_version import current
from core.i18n import source_language
from places.models import Organisation
from search.engine import SearchUnavailable
from services_directory.models import ServicePage

from . import documents, feed, serializers
from .params import (
    DEFAULT_PER_PAGE,
    LanguageParameters,
    ListParameters,
    ServiceAtLocationParameters,
    ServiceParameters,
    TermParameters,
    nul_errors,
)

CACHE_SECONDS = 600
API_URLCONF = "opendata.hsds.urls"
JSON = "application/json; charset=utf-8"
BAD_PARAMETERS = _("Bad query parameters.")
PROFILE = "https://docs.openreferral.org/en/3.0/"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


class ApiError(Exception):
    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or {}


def json_text(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def feed_language(parameters):
    language = parameters.get("lang") or source_language()
    return language if language in dict(settings.LANGUAGES) else source_language()


def endpoint(view):
    """JSON, CORS, errors and the cache around ``view(request, locale, moment, **kwargs)``,
    which returns the data or raises ``ApiError``."""

    @require_safe
    @wraps(view)
    def wrapper(request, **kwargs):
        language = feed_language(request.GET)
        with translation.override(language):
            response = answer(view, request, language, kwargs)
        # The answer is final: without this, a 404 would be redirected to /fr/api/… by
        # LocaleMiddleware and CommonMiddleware, which look for a page in the root URLs.
        request.urlconf = API_URLCONF
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def answer(view, request, language, kwargs):
    errors = nul_errors(request.GET)
    if errors:
        return error_response(ApiError(400, BAD_PARAMETERS, errors))
    moment = serializers.Moment(today=timezone.localdate())
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"hsds:{current()}:{moment.today}:{language}:{digest}"
    body = cache.get(key)
    if body is None:
        try:
            data = view(request, feed.locale_of(language), moment, **kwargs)
        except ApiError as error:
            return error_response(error)
        body = json_text(data)
        cache.set(key, body, CACHE_SECONDS)
    return HttpResponse(body, content_type=JSON)


def error_response(error):
    data = {"message": str(error.message)}
    if error.errors:
        data["errors"] = {
            name: [str(message) for message in messages] for name, messages in error.errors.items()
        }
    return HttpResponse(json_text(data), status=error.status, content_type=JSON)


def read(form_class, request):
    form = form_class(request.GET)
    if not form.is_valid():
        raise ApiError(400, BAD_PARAMETERS, form.errors)
    return form.cleaned_data


def record_key(value):
    try:
        return str(forms.UUIDField().clean(value))
    except ValidationError as error:
        raise ApiError(400, BAD_PARAMETERS, {"id": error.messages}) from None


def not_found():
    return ApiError(404, _("No record with this id in this language."))


def paged(ids, parameters):
    """The page's ids and the HSDS page envelope (``contents`` to be added)."""
    per_page = parameters.get("per_page") or DEFAULT_PER_PAGE
    page = parameters.get("page") or 1
    chosen = ids[(page - 1) * per_page : page * per_page]
    total_pages = math.ceil(len(ids) / per_page)
    return chosen, {
        "total_items": len(ids),
        "total_pages": total_pages,
        "page_number": page,
        "size": len(chosen),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not chosen,
    }


def feed_services(locale, parameters):
    if locale is None:
        return ServicePage.objects.none()
    try:
        return feed.filter_services(feed.services_of(locale), parameters, locale)
    except SearchUnavailable:
        raise ApiError(503, _("Search is unavailable for now; try again in a moment.")) from None


@endpoint
def root(request, locale, moment):
    parameters = read(LanguageParameters, request)
    return {
        "version": serializers.HSDS_VERSION,
        "profile": PROFILE,
        "openapi_url": OPENAPI_URL,
        "language": parameters.get("lang") or source_language(),
        "time_zone": settings.TIME_ZONE,
    }


@endpoint
def services(request, locale, moment):
    parameters = read(ServiceParameters, request)
    ids = list(feed_services(locale, parameters).values_list("pk", flat=True))
    chosen, envelope = paged(ids, parameters)
    return envelope | {"contents": documents.services(chosen, moment, parameters.get("full"))}


@endpoint
def service(request, locale, moment, key):
    read(LanguageParameters, request)
    key = record_key(key)
    found = feed.with_full_data(feed_services(locale, {})).filter(translation_key=key).first()
    if found is None:
        raise not_found()
    return serializers.service_object(found, found.get_url(), moment)


@endpoint
def organizations(request, locale, moment):
    parameters = read(ListParameters, request)
    ids = feed.organisation_ids(feed_services(locale, {}), locale) if locale else []
    if parameters.get("search"):
        named = Organisation.objects.filter(pk__in=ids, name__icontains=parameters["search"])
        kept = set(named.values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in kept]
    chosen, envelope = paged(ids, parameters)
    return envelope | {"contents": documents.organizations(chosen)}


@endpoint
def organization(request, locale, moment, key):
    read(LanguageParameters, request)
    key = record_key(key)
    services = feed_services(locale, {})
    ids = feed.organisation_ids(services, locale) if locale else []
    found = Organisation.objects.filter(pk__in=ids, translation_key=key).first()
    if found is None:
        raise not_found()
    delivered = feed.with_summary_data(services.filter(organisation__translation_key=key))
    return serializers.organization_object(
        found,
        [
            serializers.location_object(p, moment)
            for p in feed.organisation_locations(found, services)
        ],
        [serializers.service_summary(s, s.get_url()) for s in delivered],
    )


@endpoint
def taxonomies(request, locale, moment):
    parameters = read(ListParameters, request)
    chosen, envelope = paged(documents.taxonomies(), parameters)
    return envelope | {"contents": chosen}


@endpoint
def taxonomy_terms(request, locale, moment):
    parameters = read(TermParameters, request)
    terms = (
        feed.terms_of(locale, parameters.get("taxonomy_id"), parameters.get("search"))
        if locale
        else []
    )
    chosen, envelope = paged(terms, parameters)
    return envelope | {"contents": documents.taxonomy_terms(chosen)}


@endpoint
def service_at_locations(request, locale, moment):
    parameters = read(ServiceAtLocationParameters, request)
    ids = feed.service_place_ids(
        feed_services(locale, parameters),
        postcode=parameters.get("postcode"),
        proximity=parameters.get("proximity"),
        centre=parameters.get("centre"),
    )
    chosen, envelope = paged(ids, parameters)
    return envelope | {"contents": documents.service_at_locations(chosen, moment)}


@endpoint
def service_at_location(request, locale, moment, key):
    read(LanguageParameters, request)
    pk = feed.service_place_with_key(feed_services(locale, {}), record_key(key))
    if pk is None:
        raise not_found()
    return documents.service_at_locations([pk], moment, full=True)[0]


@endpoint
def taxonomy(request, locale, moment, key):
    read(LanguageParameters, request)
    key = record_key(key)
    found = [item for item in documents.taxonomies() if item["id"] == key]
    if not found:
        raise not_found()
    return found[0]


@endpoint
def taxonomy_term(request, locale, moment, key):
    read(LanguageParameters, request)
    term = feed.term_with_key(locale, record_key(key)) if locale else None
    if term is None:
        raise not_found()
    return documents.taxonomy_terms([term])[0]
