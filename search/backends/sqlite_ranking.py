"""Ranked ids straight from SQLite's FTS5 table, in one query.

Wagtail's SQLite backend filters the pages with ``pk IN (matching ids)`` and then scores
each result with a correlated subquery that runs the full-text match again: a common
word among 10,000 pages takes tens of seconds (its autocomplete, most of a second).
Here one query asks FTS5 for the matching entries already ordered by ``bm25`` (title
weighted above body), restricted to the queryset's pages and cut at ``limit``.
"""

from django.db import connections
from django.db.models import CharField
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

# bm25 weights for the FTS5 columns (autocomplete, body, title): titles count most.
SEARCH_WEIGHTS = (0.0, 1.0, 3.0)
AUTOCOMPLETE_WEIGHTS = (1.0, 0.0, 0.0)


def quoted(terms):
    # Terms are letters and digits only (see search.query), so quoting them makes every
    # one a plain string, FTS5 keywords (AND, NEAR...) included.
    return [f'"{term}"' for term in terms]


def match_expression(terms, operator):
    """An FTS5 expression on title and body."""
    joiner = " AND " if operator == "and" else " OR "
    return "{title body} : (" + joiner.join(quoted(terms)) + ")"


def prefix_expression(terms):
    """An FTS5 expression on the autocomplete column, the last term as a prefix."""
    return "{autocomplete} : (" + " AND ".join(quoted(terms)) + "*)"


def ranked(queryset, match, weights, limit):
    table = IndexEntry._meta.db_table
    content_types = list(get_descendants_content_types_pks(queryset.model))
    allowed_sql, allowed_params = (
        queryset.order_by()
        .annotate(text_pk=Cast("pk", CharField()))
        .values("text_pk")
        .query.sql_with_params()
    )
    sql = (
        f"SELECT entry.object_id FROM {table}_fts AS fts "  # noqa: S608 - table names only
        f"JOIN {table} AS entry ON entry.id = fts.rowid "
        f"WHERE {table}_fts MATCH %s "
        f"AND entry.content_type_id IN ({', '.join(['%s'] * len(content_types))}) "
        f"AND entry.object_id IN ({allowed_sql}) "
        f"ORDER BY bm25({table}_fts, {', '.join(str(w) for w in weights)}), entry.object_id"
        + (" LIMIT %s" if limit else "")
    )
    params = [match, *content_types, *allowed_params, *([limit] if limit else [])]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(dict.fromkeys(int(row[0]) for row in cursor.fetchall()))


def ranked_ids(queryset, terms, operator="and", limit=None):
    return ranked(queryset, match_expression(terms, operator), SEARCH_WEIGHTS, limit)


def autocomplete_ids(queryset, terms, limit):
    return ranked(queryset, prefix_expression(terms), AUTOCOMPLETE_WEIGHTS, limit)
