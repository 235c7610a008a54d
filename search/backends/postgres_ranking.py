"""Ranked ids straight from the PostgreSQL index table, through its GIN indexes.

Wagtail's PostgreSQL backend starts from the pages and joins their index entries on
``object_id = page.id::varchar``, a cast no index serves, then ranks every candidate:
a rare word takes a quarter of a second among 10,000 services, a common one over half a
second. Here the index table is searched first (``title @@ q OR body @@ q`` uses its GIN
indexes), restricted to the queryset's pages by a semi-join on the same text id, ranked
by ``ts_rank`` with titles weighted above bodies, and cut at ``limit`` in the database.
The query is parsed with the active language's configuration, as the rows were written
with their locale's (see search.backends.database).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

# PostgreSQL's built-in text-search configurations for the site's languages.
POSTGRES_CONFIGS = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "es": "spanish",
    "ar": "arabic",
    "tr": "turkish",
}
DEFAULT_CONFIG = "simple"


def config_for_language(language_code):
    return POSTGRES_CONFIGS.get((language_code or "").split("-")[0], DEFAULT_CONFIG)


TITLE_WEIGHT = 3.0
# Autocomplete vectors are written with PostgreSQL's "simple" configuration by Wagtail.
AUTOCOMPLETE_CONFIG = "simple"


def entries_of(queryset):
    allowed = queryset.order_by().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    return IndexEntry.objects.filter(
        content_type_id__in=list(get_descendants_content_types_pks(queryset.model)),
        object_id__in=allowed,
    )


def words_query(terms, operator, config):
    # Terms are letters and digits only (search.query): safe as plain queries.
    query = SearchQuery(terms[0], search_type="plain", config=config)
    for term in terms[1:]:
        next_query = SearchQuery(term, search_type="plain", config=config)
        query = query & next_query if operator == "and" else query | next_query
    return query


def ids_of(entries, limit):
    return [int(object_id) for object_id in (entries[:limit] if limit else entries)]


def ranked_ids(queryset, terms, operator, language, limit=None):
    query = words_query(terms, operator, config_for_language(language))
    entries = (
        entries_of(queryset)
        .filter(Q(title=query) | Q(body=query))
        .annotate(rank=SearchRank(F("title"), query) * TITLE_WEIGHT + SearchRank(F("body"), query))
        .order_by("-rank", "object_id")
        .values_list("object_id", flat=True)
    )
    return ids_of(entries, limit)


def autocomplete_ids(queryset, terms, limit):
    """Pages whose words start with every term (the last one as a prefix), best first."""
    lexemes = " & ".join([*terms[:-1], f"{terms[-1]}:*"])
    query = SearchQuery(lexemes, search_type="raw", config=AUTOCOMPLETE_CONFIG)
    entries = (
        entries_of(queryset)
        .filter(autocomplete=query)
        .annotate(rank=SearchRank(F("autocomplete"), query))
        .order_by("-rank", "object_id")
        .values_list("object_id", flat=True)
    )
    return ids_of(entries, limit)
