"""Wagtail's database search backend, with a text-search configuration per language.

This backend keeps Wagtail's own index (``wagtailsearch_indexentry``), which the
editors' admin and the pages API search; residents search their own documents
(``search.documents``, docs/decisions/0005-search-analysis.md).

On PostgreSQL, stock Wagtail indexes and queries everything with one configuration
(``SEARCH_CONFIG``); declaring one backend per language does not help, because all the
database backends share one index table and overwrite each other's rows (Wagtail
issue #9253). Here a single backend picks the configuration per object when indexing
(from the object's locale) and per request when searching (from the active language),
so French pages are stemmed as French, Portuguese pages as Portuguese, and languages
PostgreSQL has no dictionary for use ``simple``. On SQLite and other databases this is
Wagtail's backend unchanged.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as database_backend_for

from search.analysis.stemming import SNOWBALL

# PostgreSQL's built-in text-search configurations are named after the same Snowball
# stemmers as the resident search's; the server lacks Tamil's.
POSTGRES_CONFIGS = {code: name for code, name in SNOWBALL.items() if code != "ta"}
DEFAULT_CONFIG = "simple"
_indexing_config = ContextVar("indexing_config", default=None)


def config_for_language(language_code):
    return POSTGRES_CONFIGS.get((language_code or "").split("-")[0], DEFAULT_CONFIG)


def config_for_object(obj):
    locale = getattr(obj, "locale", None)
    return config_for_language(locale.language_code if locale is not None else None)


def build_postgres_backend(params):
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    class LanguageAwareIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = {}
            for obj in objs:
                groups.setdefault(config_for_object(obj), []).append(obj)
            for config, group in groups.items():
                with indexing_with(config):
                    super().add_items(model, group)

    class LanguageAwarePostgresSearchBackend(PostgresSearchBackend):
        index_class = LanguageAwareIndex

        @property
        def config(self):
            return _indexing_config.get() or config_for_language(get_language())

        @config.setter
        def config(self, value):
            # The configuration is chosen per language; SEARCH_CONFIG is not used.
            pass

    return LanguageAwarePostgresSearchBackend(params)


@contextmanager
def indexing_with(config):
    token = _indexing_config.set(config)
    try:
        yield
    finally:
        _indexing_config.reset(token)


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return build_postgres_backend(params)
    return database_backend_for(params)
