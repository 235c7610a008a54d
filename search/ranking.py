"""Scoring candidates the same way on every database: BM25 over weighted fields.

For each word of the question, its occurrences in a document's fields (through any of
its forms) are weighted — the title most, then residents' words (keywords and the
vocabulary of the page's themes and needs), then the summary, then the body —
normalised by each field's length, saturated (BM25's k1), and multiplied by how rare the
word is among the documents searched (inverse document frequency). A suspended service
ranks below one that is open. The weights were chosen on the judged query set
(benchmarks/relevance, docs/search-quality.md).
"""

import math
from collections import Counter

FIELD_WEIGHTS = {
    "title_terms": 3.0,
    "keyword_terms": 2.5,
    "summary_terms": 1.5,
    "body_terms": 1.0,
}
K1 = 1.2
LENGTH_NORMALISATION = 0.75
SUSPENDED_FACTOR = 0.5
# A document matching some of the question's words scores (matched / asked) ** this of
# what it would: pages with every word come first, yet a page with the two rare words of
# a long question beats one with its three common ones.
COORDINATION = 2


def idf(document_frequency, total):
    return math.log(1 + (total - document_frequency + 0.5) / (document_frequency + 0.5))


def field_counts(document):
    return {field: Counter(document[field].split()) for field in FIELD_WEIGHTS}


def scores(documents, alternatives, total):
    """(score, number of words matched) of each document (id -> document row) for the
    words' ``alternatives``."""
    counts = {pk: field_counts(document) for pk, document in documents.items()}
    average_length = {
        field: max(1.0, sum(sum(c[field].values()) for c in counts.values()) / max(1, len(counts)))
        for field in FIELD_WEIGHTS
    }
    frequencies = [
        sum(1 for c in counts.values() if any(c[f][form] for f in FIELD_WEIGHTS for form in forms))
        for forms in alternatives
    ]
    total = max(total, len(documents))
    result = {}
    for pk, fields in counts.items():
        score, matched = 0.0, 0
        for forms, frequency in zip(alternatives, frequencies, strict=True):
            weighted = 0.0
            for field, weight in FIELD_WEIGHTS.items():
                occurrences = sum(fields[field][form] for form in forms)
                if occurrences:
                    length = sum(fields[field].values())
                    norm = (
                        1
                        - LENGTH_NORMALISATION
                        + LENGTH_NORMALISATION * (length / average_length[field])
                    )
                    weighted += weight * occurrences / norm
            if weighted:
                matched += 1
                score += idf(frequency, total) * weighted / (K1 + weighted)
        score *= (matched / len(alternatives)) ** COORDINATION
        if documents[pk]["is_suspended"]:
            score *= SUSPENDED_FACTOR
        result[pk] = (score, matched)
    return result


def unmatched_words(documents, alternatives):
    """How many of the words no document has (a misspelt word, most often)."""
    present = set()
    for document in documents.values():
        for field in FIELD_WEIGHTS:
            present.update(document[field].split())
    return sum(1 for forms in alternatives if not forms & present)


def ranked(documents, alternatives, total, candidates):
    """``candidates`` (ids, the database's order) sorted by score, best first, and the
    set of those matching every word."""
    points = scores(documents, alternatives, total)
    position = {pk: number for number, pk in enumerate(candidates)}
    ids = sorted(
        (pk for pk in candidates if pk in points),
        key=lambda pk: (-points[pk][0], position[pk]),
    )
    return ids, {pk for pk in ids if points[pk][1] == len(alternatives)}
