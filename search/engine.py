"""One safe entry point to full-text search, with a fallback when the cluster is down.

With a cluster configured (production, ``SEARCH_URL``), a language is searched in its
own cluster index (backend ``cluster-<language>``); if the cluster fails, the database
backend (``default``, kept up to date on every publish) answers, and the cluster is left
alone for ``CLUSTER_PAUSE_SECONDS`` so that only one request pays its timeout.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import get_language
from wagtail.search.backends import get_search_backend

from core import content_version

from .query import search_terms

logger = logging.getLogger(__name__)

CLUSTER_PAUSE_SECONDS = 30
CLUSTER_DOWN_KEY = "search-cluster-down"
# Kept ids expire anyway, so that the cache holds only the searches asked lately.
RESULTS_CACHE_SECONDS = 600


class SearchUnavailable(Exception):
    """Neither the cluster nor the database could answer."""


def cluster_backend_name(language_code=None):
    """The configured cluster backend for the language, unless the cluster is paused."""
    code = (language_code or get_language() or "").split("-")[0]
    name = f"cluster-{code}"
    if name in settings.WAGTAILSEARCH_BACKENDS and not cache.get(CLUSTER_DOWN_KEY):
        return name
    return None


def with_cluster(run):
    """``run(backend)`` on the language's cluster backend; None when there is none or it
    failed (then the cluster is paused)."""
    name = cluster_backend_name()
    if name is None:
        return None
    try:
        return run(get_search_backend(name))
    except Exception as error:  # noqa: BLE001 - any cluster failure means "use the database"
        logger.warning("Search cluster %r failed, using the database: %s", name, error)
        cache.set(CLUSTER_DOWN_KEY, True, CLUSTER_PAUSE_SECONDS)
        return None


def database_ranked_ids(queryset, terms, operator, limit):
    """Ranked ids from the database index: straight from its table where the backend
    can (``ranked_ids``, see ``search.backends.database``), else through Wagtail."""
    backend = get_search_backend("default")
    try:
        if hasattr(backend, "ranked_ids"):
            return backend.ranked_ids(queryset, terms, operator, limit)
        results = backend.search(" ".join(terms), queryset.only("pk"), operator=operator)
        return [obj.pk for obj in (results[:limit] if limit else results)]
    except DatabaseError as error:
        logger.warning("Database full-text search failed: %s", error)
        raise SearchUnavailable from error


def results_key(queryset, terms, operator, limit):
    """The cache key of a search's ids: the content version, the language, the question."""
    question = "\n".join([str(queryset.query), " ".join(terms), operator, str(limit)])
    digest = hashlib.sha256(question.encode()).hexdigest()
    return f"search-ids:{content_version.current()}:{get_language()}:{digest}"


def ranked_ids(queryset, query, operator, limit=None):
    """Ids of the matches, best first, at most ``limit``; None without a searchable word.

    Common words are asked again and again, and ranking thousands of matches is most of
    a search's time, so the ids are kept in the cache until the next edit: the content
    version is part of the key (see ``core.content_version``).
    """
    terms = search_terms(query)
    if not terms:
        return None
    key = results_key(queryset, terms, operator, limit)
    ids = cache.get(key)
    if ids is None:
        ids = search_ids(queryset, terms, operator, limit)
        cache.set(key, ids, RESULTS_CACHE_SECONDS)
    return ids


def search_ids(queryset, terms, operator, limit):
    def cluster_ids(backend):
        results = backend.search(" ".join(terms), queryset.only("pk"), operator=operator)
        return [obj.pk for obj in (results[:limit] if limit else results)]

    ids = with_cluster(cluster_ids)
    if ids is not None:
        return ids
    return database_ranked_ids(queryset, terms, operator, limit)


def matching_ids(queryset, query, limit=None):
    """Primary keys of the objects matching ``query``, best first (all words, then any).

    ``limit`` keeps only the most relevant ones, for lists nobody reads to the end.
    """
    ids = ranked_ids(queryset, query, "and", limit)
    if ids is None:
        return None
    if not ids and len(search_terms(query)) > 1:
        ids = ranked_ids(queryset, query, "or", limit)
    return ids


def autocomplete(queryset, query, limit):
    """Up to ``limit`` objects whose words start with the query's, best first."""
    terms = search_terms(query)
    if not terms:
        return []
    text = " ".join(terms)
    found = with_cluster(lambda backend: list(backend.autocomplete(text, queryset)[:limit]))
    if found is not None:
        return found
    backend = get_search_backend("default")
    if not hasattr(backend, "autocomplete_ids"):
        return list(backend.autocomplete(text, queryset)[:limit])
    ids = backend.autocomplete_ids(queryset, terms, limit)
    objects = queryset.in_bulk(ids)
    return [objects[pk] for pk in ids if pk in objects]
