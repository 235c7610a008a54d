"""One safe entry point to full-text search, with a fallback when the cluster is down."""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

from .query import search_terms

logger = logging.getLogger(__name__)

FALLBACK_BACKEND = "fallback"


class SearchUnavailable(Exception):
    """Neither the configured backend nor the database fallback could answer."""


def backend_names():
    names = ["default"]
    if FALLBACK_BACKEND in settings.WAGTAILSEARCH_BACKENDS:
        names.append(FALLBACK_BACKEND)
    return names


def search_queryset(queryset, query, operator="and"):
    """Search results for ``query`` within ``queryset``, best first.

    Tries the configured backend, then the database fallback when one is configured
    (see settings: a search cluster that cannot be reached must not break search).
    Returns ``None`` when the query has no searchable word.
    """
    terms = search_terms(query)
    if not terms:
        return None
    text = " ".join(terms)
    last_error = None
    for name in backend_names():
        backend = get_search_backend(name)
        try:
            results = backend.search(text, queryset, operator=operator)
            # Backends are lazy: force the round trip here, where failures are caught.
            results.count()
            return results
        except Exception as error:  # noqa: BLE001 - any backend failure means "try the next"
            logger.warning("Search backend %r failed: %s", name, error)
            last_error = error
    raise SearchUnavailable from last_error


def matching_ids(queryset, query):
    """Primary keys of the objects matching ``query``, best first (all words, then any)."""
    results = search_queryset(queryset, query, operator="and")
    if results is None:
        return None
    ids = [obj.pk for obj in results]
    if not ids and len(search_terms(query)) > 1:
        ids = [obj.pk for obj in search_queryset(queryset, query, operator="or")]
    return ids
