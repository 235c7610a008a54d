"""One safe entry point to full-text search, with a fallback when the cluster is down."""

import logging

from django.conf import settings
from django.db import DatabaseError
from wagtail.search.backends import get_search_backend

from .backends import sqlite_ranking
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


def uses_sqlite_fts(backend):
    # The SQLite backend's module can only be imported on SQLite, hence the name check.
    return type(backend).__name__ == "SQLiteSearchBackend"


def ranked_ids(queryset, query, operator):
    """Ids of the matches, best first, through the fastest route the backend allows."""
    terms = search_terms(query)
    if not terms:
        return None
    if uses_sqlite_fts(get_search_backend("default")):
        try:
            return sqlite_ranking.ranked_ids(queryset, terms, operator)
        except DatabaseError as error:
            logger.warning("SQLite full-text search failed: %s", error)
            raise SearchUnavailable from error
    results = search_queryset(queryset.only("pk"), query, operator=operator)
    return [obj.pk for obj in results]


def matching_ids(queryset, query):
    """Primary keys of the objects matching ``query``, best first (all words, then any)."""
    ids = ranked_ids(queryset, query, "and")
    if ids is None:
        return None
    if not ids and len(search_terms(query)) > 1:
        ids = ranked_ids(queryset, query, "or")
    return ids
