"""Near misses: “imots” → “impôts”, “violance” → “violence”, from the site's own words.

The vocabulary of a language is every word of its documents (``SearchDocument.words``:
the words of pages in that locale, their taxonomies' residents' words included), with
how many documents use it and its most common spelling. It is kept in each process
until the content version changes. Only words the vocabulary does not know are
corrected, to a known word at most one edit away (two for words of eight letters or
more; swapping two neighbouring letters counts as one edit), the most used one winning.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from core.content_version import kept

from .analysis import fold
from .models import SearchDocument
from .query import Word, forms_of, query_languages

SHORTEST_CORRECTED = 4
TWO_EDITS_FROM = 8


@dataclass
class Vocabulary:
    uses: Counter = field(default_factory=Counter)  # folded word -> documents using it
    spelling: dict = field(default_factory=dict)  # folded word -> most common spelling
    by_start: dict = field(default_factory=lambda: defaultdict(list))  # first letter -> words

    def knows(self, folded):
        return folded in self.uses


def read_vocabulary(locale_id):
    uses, spellings = Counter(), defaultdict(Counter)
    for text in SearchDocument.objects.filter(locale_id=locale_id).values_list("words", flat=True):
        for word in set(text.split()):
            folded = fold(word)
            uses[folded] += 1
            spellings[folded][word] += 1
    vocabulary = Vocabulary(uses=uses)
    for folded, forms in spellings.items():
        vocabulary.spelling[folded] = forms.most_common(1)[0][0]
        vocabulary.by_start[folded[0]].append(folded)
    return vocabulary


def vocabulary_of(locale_id):
    return kept(("search-vocabulary", locale_id), lambda: read_vocabulary(locale_id))


def edit_distance(first, second, limit):
    """Edits between two words (insertions, deletions, substitutions, neighbouring
    swaps), or ``limit + 1`` as soon as it is known to exceed ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and char == second[j - 2]
                and first[i - 2] == other
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def closest(vocabulary, folded):
    """The known word nearest to ``folded``, or None."""
    limit = 2 if len(folded) >= TWO_EDITS_FROM else 1
    best = None
    # Residents rarely miss the first letter; its neighbours in the vocabulary suffice.
    for candidate in vocabulary.by_start.get(folded[0], ()):
        distance = edit_distance(folded, candidate, limit)
        if distance <= limit:
            rank = (distance, -vocabulary.uses[candidate], candidate)
            if best is None or rank < best[0]:
                best = (rank, candidate)
    return best[1] if best else None


def correction(question, locale_id):
    """The question with its unknown words corrected, or None when there is nothing to
    correct."""
    vocabulary = vocabulary_of(locale_id)
    languages = query_languages(question.language)
    replacements = {}
    for word in question.words:
        if len(word.typed) < SHORTEST_CORRECTED or vocabulary.knows(word.typed):
            continue
        found = closest(vocabulary, word.typed)
        if found is not None:
            spelling = vocabulary.spelling[found]
            replacements[word.typed] = (
                spelling,
                Word(found, frozenset(forms_of(spelling, languages))),
            )
    return question.corrected(replacements) if replacements else None
