"""Wagtail's database search backend, with a text-search configuration per language.

On PostgreSQL, stock Wagtail indexes and queries everything with one configuration
(``SEARCH_CONFIG``); declaring one backend per language does not help, because all the
database backends share one index table and overwrite each other's rows (Wagtail
issue #9253). Here a single backend picks the configuration per object when indexing
(from the object's locale) and per request when searching (from the active language),
so French pages are stemmed as French, Portuguese pages as Portuguese, and languages
PostgreSQL has no dictionary for use ``simple``.

On SQLite (FTS5, no stemming) this is Wagtail's backend, and on other databases too.

On SQLite and PostgreSQL the backend also answers ``ranked_ids`` and
``autocomplete_ids`` straight from the index table (``sqlite_ranking``,
``postgres_ranking``): Wagtail's own queries are slow at 10,000 pages.
``search.engine`` uses these methods wherever a backend has them.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as database_backend_for

from . import postgres_ranking, sqlite_ranking
from .postgres_ranking import config_for_language

_indexing_config = ContextVar("indexing_config", default=None)


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

        def ranked_ids(self, queryset, terms, operator, limit=None):
            return postgres_ranking.ranked_ids(queryset, terms, operator, get_language(), limit)

        def autocomplete_ids(self, queryset, terms, limit):
            return postgres_ranking.autocomplete_ids(queryset, terms, limit)

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


def build_sqlite_backend(params):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    class RankingSQLiteSearchBackend(SQLiteSearchBackend):
        def ranked_ids(self, queryset, terms, operator, limit=None):
            return sqlite_ranking.ranked_ids(queryset, terms, operator, limit)

        def autocomplete_ids(self, queryset, terms, limit):
            return sqlite_ranking.autocomplete_ids(queryset, terms, limit)

    return RankingSQLiteSearchBackend(params)


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return build_postgres_backend(params)
    backend = database_backend_for(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # FTS5 is available
            return build_sqlite_backend(params)
    return backend
