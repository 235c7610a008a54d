"""One safe entry point to full-text search, with a fallback when the cluster is down.

Without a cluster, the database answers: candidates from its full-text index
(``store``), scored the same way on SQLite and PostgreSQL (``ranking``). With a cluster
configured (production, ``SEARCH_URL``), a language is searched in its own cluster index
(backend ``cluster-<language>``); if the cluster fails, the database answers, and the
process leaves the cluster alone for ``CIRCUIT_BREAKER_SECONDS`` (``core.breaker``) so
that only one request pays its timeout.

Pages matching every word come first, then those matching some (``ranking``). A question
that no page matches entirely and that holds a word the site never uses is corrected
(``spelling``) and searched again.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import get_language
from wagtail.search.backends import get_search_backend

from core.content_version import current

from . import ranking, spelling, store

logger = logging.getLogger(__name__)

# Kept ids expire anyway, so that the cache holds only the searches asked lately.
RESULTS_CACHE_SECONDS = 600
# Results a search lists at most.
LIMIT = store.MAX_CANDIDATES


class SearchUnavailable(Exception):
    """Neither the cluster nor the database could answer."""


@dataclass(frozen=True)
class Found:
    ids: list  # best first
    question: object  # the Question searched: the one asked, or its correction
    primary: frozenset = frozenset()  # those of ids that are primary results (services)


def cluster_backend_name(language_code=None):
    """The configured cluster backend for the language, if any."""
    code = (language_code or get_language() or "").split("-")[0]
    name = f"cluster-{code}"
    return name if name in settings.WAGTAILSEARCH_BACKENDS else None


def with_cluster(run):
    """``run(backend)`` on the language's cluster backend; None when there is none, or it
    failed now or lately (its breaker logs that, once)."""
    name = cluster_backend_name()
    if name is None:
        return None
    backend = get_search_backend(name)
    try:
        return backend.guarded(lambda: run(backend))
    except Exception:  # noqa: BLE001 - any cluster failure means "use the database"
        return None


def document_total(queryset):
    """How many documents a queryset searches, kept until the next edit."""
    digest = hashlib.sha256(str(queryset.query).encode()).hexdigest()
    key = f"search-document-total:{current()}:{digest}"
    total = cache.get(key)
    if total is None:
        total = store.document_count(queryset)
        cache.set(key, total, RESULTS_CACHE_SECONDS)
    return total


@dataclass(frozen=True)
class Ranked:
    ids: list  # pages matching any word, best first
    complete: frozenset  # those matching every word
    primary: frozenset  # those that are primary results (services)
    unmatched: int = 0  # words no page has

    @property
    def finds_everything_asked(self):
        return bool(self.complete) and not self.unmatched


def database_ranked(queryset, question):
    alternatives = question.alternatives()
    try:
        candidates = store.candidate_ids(queryset, alternatives)
        if not candidates:
            return Ranked([], frozenset(), frozenset(), len(alternatives))
        documents = store.documents(candidates)
        total = document_total(queryset)
        ids, complete = ranking.ranked(documents, alternatives, total, candidates)
        primary = frozenset(pk for pk in ids if documents[pk]["is_primary"])
        unmatched = ranking.unmatched_words(documents, alternatives)
        return Ranked(ids, frozenset(complete), primary, unmatched)
    except DatabaseError as error:
        logger.warning("Database full-text search failed: %s", error)
        raise SearchUnavailable from error


def cluster_ranked(backend, queryset, question):
    text = " ".join(word.typed for word in question.words)
    pages = queryset.only("pk")
    complete = [obj.pk for obj in backend.search(text, pages, operator="and")[:LIMIT]]
    seen = set(complete)
    some = [obj.pk for obj in backend.search(text, pages, operator="or")[:LIMIT]]
    ids = complete + [pk for pk in some if pk not in seen]
    return Ranked(ids, frozenset(complete), frozenset(store.primary_ids(ids)))


def results_key(queryset, question):
    """The cache key of a search's ids: the content version, the language, the question."""
    forms = "|".join(",".join(sorted(forms)) for forms in question.alternatives())
    asked = "\n".join([str(queryset.query), forms])
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return f"search-ids:{current()}:{get_language()}:{digest}"


def ranked(queryset, question):
    """The pages of ``queryset`` matching the question's words, best first.

    Common words are asked again and again, and ranking thousands of matches is most of
    a search's time, so the result is kept in the cache until the next edit: the content
    version is part of the key (see ``core.content_version``).
    """
    key = results_key(queryset, question)
    result = cache.get(key)
    if result is None:
        result = with_cluster(lambda backend: cluster_ranked(backend, queryset, question))
        if result is None:
            result = database_ranked(queryset, question)
        cache.set(key, result, RESULTS_CACHE_SECONDS)
    return result


def corrected_if_better(question, locale_id, better):
    """The question's correction, when ``better(correction)`` says it finds more."""
    if question.corrects:
        return None
    corrected = spelling.correction(question, locale_id)
    return corrected if corrected is not None and better(corrected) else None


def find(queryset, question, locale_id, correct=True):
    """The pages of ``queryset`` matching ``question``, best first (the search page).

    Pages matching every word come first, then those matching some. A question with
    words no page has, or that no page matches entirely, is searched corrected when its
    unknown words have a correction that finds more, unless ``correct`` is false.
    """
    if not question:
        return Found([], question)
    result = ranked(queryset, question)
    if correct and not result.finds_everything_asked:

        def better(corrected):
            found = ranked(queryset, corrected)
            return found.finds_everything_asked or found.unmatched < result.unmatched

        corrected = corrected_if_better(question, locale_id, better)
        if corrected is not None:
            return find(queryset, corrected, locale_id, correct=False)
    return Found(result.ids, question, result.primary)


def narrowing_ids(queryset, question, require_all):
    key = f"{results_key(queryset, question)}:narrowing:{require_all}"
    ids = cache.get(key)
    if ids is None:
        try:
            ids = store.candidate_ids(queryset, question.alternatives(), require_all, capped=False)
        except DatabaseError as error:
            logger.warning("Database full-text search failed: %s", error)
            raise SearchUnavailable from error
        cache.set(key, ids, RESULTS_CACHE_SECONDS)
    return ids


def narrow(queryset, question, locale_id):
    """Every page of ``queryset`` with all the question's words, else with any, in the
    database's order of relevance (the directory, where words narrow a list: never cut).
    Corrected like ``find``."""
    if not question:
        return Found([], question)
    ids = narrowing_ids(queryset, question, require_all=True)
    if not ids:
        corrected = corrected_if_better(
            question, locale_id, lambda q: bool(narrowing_ids(queryset, q, True))
        )
        if corrected is not None:
            return narrow(queryset, corrected, locale_id)
        if len(question.words) > 1:
            ids = narrowing_ids(queryset, question, require_all=False)
    return Found(ids, question)


def autocomplete(queryset, question, limit):
    """Up to ``limit`` pages whose title words start with the words typed, best first."""
    if not question.typed:
        return []
    text = " ".join(question.typed)
    found = with_cluster(lambda backend: list(backend.autocomplete(text, queryset)[:limit]))
    if found is not None:
        return found
    ids = store.title_prefix_ids(queryset, list(question.typed), limit)
    pages = queryset.in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]
