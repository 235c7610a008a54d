"""Ranked ids straight from SQLite's FTS5 table, in one query.

Wagtail's SQLite backend filters the pages with ``pk IN (matching ids)`` and then scores
each result with a correlated subquery that runs the full-text match again: a common
word among 10,000 pages takes tens of seconds. Here one query asks FTS5 for the matching
entries already ordered by ``bm25`` (title weighted above body), and the caller keeps
the ids its queryset allows.
"""

from django.db import connections
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

# bm25 weights for the FTS5 columns (autocomplete, body, title): titles count most.
COLUMN_WEIGHTS = (0.0, 1.0, 3.0)


def match_expression(terms, operator):
    """An FTS5 expression on title and body. Terms are letters and digits only (see
    search.query), so quoting them makes every one a plain string, keywords included."""
    joiner = " AND " if operator == "and" else " OR "
    return "{title body} : (" + joiner.join(f'"{term}"' for term in terms) + ")"


def ranked_ids(queryset, terms, operator="and", limit=None):
    table = IndexEntry._meta.db_table
    content_types = list(get_descendants_content_types_pks(queryset.model))
    placeholders = ", ".join(["%s"] * len(content_types))
    weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
    sql = (
        f"SELECT entry.object_id FROM {table}_fts AS fts "  # noqa: S608 - table names only
        f"JOIN {table} AS entry ON entry.id = fts.rowid "
        f"WHERE {table}_fts MATCH %s AND entry.content_type_id IN ({placeholders}) "
        f"ORDER BY bm25({table}_fts, {weights})" + (f" LIMIT {int(limit)}" if limit else "")
    )
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        cursor.execute(sql, [match_expression(terms, operator), *content_types])
        ordered = [int(row[0]) for row in cursor.fetchall()]
    if not ordered:
        return []
    allowed = set(queryset.values_list("pk", flat=True))
    return [pk for pk in dict.fromkeys(ordered) if pk in allowed]
