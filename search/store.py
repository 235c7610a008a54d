"""Finding documents in the database's full-text index: FTS5 on SQLite, GIN on PostgreSQL.

The terms are analysed in Python (``search.analysis``): the databases only match whole
terms, which both do quickly, and return the best candidates by their own quick rank.
Scoring is then the same on both (``search.ranking``).

A query is a list of *alternatives per word*: each word the resident typed matches
through any of its forms (its stem in the visitor's language, in the language of the
pages' text, a spelling correction…). ``require_all`` asks for documents matching every
word; otherwise any word will do.
"""

from django.db import connections

from .models import SearchDocument

TABLE = SearchDocument._meta.db_table
TERM_COLUMNS = ("title_terms", "keyword_terms", "summary_terms", "body_terms")
# How many candidates the database's own rank keeps for scoring.
MAX_CANDIDATES = 500
# FTS5's quick rank (bm25) per column: title, keywords, summary, body, title words.
QUICK_WEIGHTS = "3.0, 2.5, 1.5, 1.0, 0.0"
# "+rowid", not "rowid": FTS5 would otherwise take the allowed pages as rowids to look up
# and test each one against MATCH (1.8 s for a common word at 10,000 services); this way
# it finds the matches first and the pages are checked against them (12 ms).
ALLOWED_ROWID = "+rowid"


def allowed_pages_sql(queryset):
    """SQL selecting the primary keys of ``queryset`` (a Page queryset)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return sql, list(params)


def quoted(term):
    # Terms are letters, digits and marks only (search.analysis): quoting keeps every
    # one a plain term, FTS5 keywords (AND, NEAR…) included.
    return f'"{term}"'


def fts5_expression(alternatives, require_all, columns):
    joiner = " AND " if require_all else " OR "
    groups = [
        "(" + " OR ".join(quoted(form) for form in sorted(forms)) + ")" for forms in alternatives
    ]
    return "{" + " ".join(columns) + "} : (" + joiner.join(groups) + ")"


def tsquery(alternatives, require_all, prefix_last=False):
    joiner = " & " if require_all else " | "
    groups = []
    for number, forms in enumerate(alternatives):
        last = prefix_last and number == len(alternatives) - 1
        groups.append(
            "(" + " | ".join(f"'{form}'" + (":*" if last else "") for form in sorted(forms)) + ")"
        )
    return joiner.join(groups)


def candidate_ids(queryset, alternatives, require_all=False, capped=True):
    """Ids of the pages of ``queryset`` whose documents match (every word's alternatives,
    or any), the database's best first, at most ``MAX_CANDIDATES`` when ``capped``."""
    if not alternatives:
        return []
    limit = MAX_CANDIDATES if capped else None
    connection = connections[queryset.db]
    allowed_sql, allowed_params = allowed_pages_sql(queryset)
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT page_id FROM {TABLE} WHERE vector @@ %s::tsquery "  # noqa: S608
            f"AND page_id IN ({allowed_sql}) "
            "ORDER BY ts_rank(vector, %s::tsquery) DESC, page_id" + (" LIMIT %s" if limit else "")
        )
        query = tsquery(alternatives, require_all)
        params = [query, *allowed_params, query, *([limit] if limit else [])]
    else:
        sql = (
            f"SELECT rowid FROM {TABLE}_fts WHERE {TABLE}_fts MATCH %s "  # noqa: S608
            f"AND {ALLOWED_ROWID} IN ({allowed_sql}) "
            f"ORDER BY bm25({TABLE}_fts, {QUICK_WEIGHTS}), rowid" + (" LIMIT %s" if limit else "")
        )
        expression = fts5_expression(alternatives, require_all, TERM_COLUMNS)
        params = [expression, *allowed_params, *([limit] if limit else [])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def title_prefix_ids(queryset, words, limit):
    """Pages whose title has every word, the last one as a prefix (suggestions)."""
    if not words:
        return []
    connection = connections[queryset.db]
    allowed_sql, allowed_params = allowed_pages_sql(queryset)
    alternatives = [{word} for word in words]
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT page_id FROM {TABLE} WHERE title_vector @@ %s::tsquery "  # noqa: S608
            f"AND page_id IN ({allowed_sql}) ORDER BY page_id LIMIT %s"
        )
        params = [tsquery(alternatives, True, prefix_last=True), *allowed_params, limit]
    else:
        expression = (
            "{title_words} : ("
            + " AND ".join(quoted(word) for word in words[:-1])
            + (" AND " if len(words) > 1 else "")
            + quoted(words[-1])
            + " *)"
        )
        sql = (
            f"SELECT rowid FROM {TABLE}_fts WHERE {TABLE}_fts MATCH %s "  # noqa: S608
            f"AND {ALLOWED_ROWID} IN ({allowed_sql}) ORDER BY rowid LIMIT %s"
        )
        params = [expression, *allowed_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def primary_ids(ids):
    """Those of ``ids`` whose pages are primary results (services)."""
    return set(
        SearchDocument.objects.filter(page_id__in=ids, is_primary=True).values_list(
            "page_id", flat=True
        )
    )


def documents(ids):
    """The documents of ``ids``: their terms per field, for scoring."""
    return {
        row["page_id"]: row
        for row in SearchDocument.objects.filter(page_id__in=ids).values(
            "page_id", "is_primary", "is_suspended", *TERM_COLUMNS
        )
    }


def document_count(queryset):
    """How many documents the pages of ``queryset`` have (for inverse document frequency)."""
    return SearchDocument.objects.filter(page_id__in=queryset.order_by().values("pk")).count()
