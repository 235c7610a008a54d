"""Turning what a visitor typed into something every search backend accepts.

Backends choke on ordinary input: SQLite FTS5 raises a syntax error on a lone ``"``,
``*``, ``:``, ``-`` or the words AND/OR/NOT/NEAR; PostgreSQL's query parser recurses
once per word and overflows Python's stack past ~150 words; NUL bytes break both.
So a query is reduced to its words — letters and digits in any script — lowercased,
deduplicated and capped. Operators and quotes simply disappear.
"""

import re
import unicodedata

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Control (Cc), format (Cf: bidi overrides, zero-width), surrogate, private-use and
# unassigned characters carry no meaning for a search.
DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def clean_query(raw):
    """The query as shown back to the visitor: printable, one-spaced, capped."""
    text = unicodedata.normalize("NFKC", str(raw or "")[: MAX_QUERY_LENGTH * 4])
    text = "".join(
        " " if unicodedata.category(char) in DROPPED_CATEGORIES else char for char in text
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """The distinct words of a cleaned query, lowercased, at most MAX_TERMS."""
    terms = []
    for word in WORD.findall(query.lower()):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]
