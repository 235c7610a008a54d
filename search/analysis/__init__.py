"""Language-aware analysis: one pipeline for the index and for queries, on every database.

Text becomes *terms* in four steps, in the language it is written in:

1. words: letters and digits in any script, lower-cased; French, Italian, English and
   Albanian elisions split at the apostrophe (“l’expulsion” → “l”, “expulsion”),
   Ukrainian apostrophes kept inside the word (“здоров’я”);
2. stop words dropped (``stopwords``), so “je n’arrive pas à payer mon loyer” keeps
   its content words;
3. each word stemmed or lemmatised (``stemming``);
4. folded (``normalise``): case, accents, Arabic letter forms.

The same terms are written to the search index on SQLite and PostgreSQL, so both find
and rank alike (docs/decisions/0005-search-analysis.md).
"""

import re
import unicodedata
from functools import cache

from .normalise import fold
from .stemming import stem
from .stopwords import STOP_WORDS

__all__ = ["analyse", "fold", "is_meaningful", "is_stop_word", "term", "words"]

APOSTROPHES = "'’ʼ`´"
SPLIT_AT_APOSTROPHES = re.compile(rf"[{APOSTROPHES}]")
# Languages whose apostrophe is a letter-like sign inside words, not an elision.
APOSTROPHE_INSIDE_WORDS = {"uk"}


class WordCharacters(dict):
    """``str.translate`` table: letters, marks and digits stay (Tamil vowel signs are
    marks inside words), apostrophes too; everything else becomes a space."""

    def __missing__(self, code):
        char = chr(code)
        kept = unicodedata.category(char)[0] in "LMN" or char in APOSTROPHES
        self[code] = char if kept else " "
        return self[code]


WORD_CHARACTERS = WordCharacters()


def words(text, language):
    """The words of ``text`` as residents and editors write them, lower-cased."""
    found = []
    for token in str(text).casefold().translate(WORD_CHARACTERS).split():
        if language in APOSTROPHE_INSIDE_WORDS:
            found.append(SPLIT_AT_APOSTROPHES.sub("", token))
        else:
            found += SPLIT_AT_APOSTROPHES.split(token)
    return [word for word in found if word]


@cache
def folded_stop_words(language):
    return frozenset(fold(word) for word in STOP_WORDS.get(language, ()))


def is_stop_word(word, language):
    return fold(word) in folded_stop_words(language)


def is_meaningful(word):
    """Single letters carry nothing (elided articles, initials); numbers do (postcodes)."""
    return len(word) > 1 or word.isdigit()


def term(word, language):
    """The index term of one word written in ``language``."""
    return fold(stem(word, language))


def analyse(text, language, stop_words=True):
    """The terms of ``text`` written in ``language``, in order, repeats kept.

    ``stop_words=False`` keeps them: the index holds them, so that a question made only
    of such words (“malgré”, “avec qui ?”) still finds what says them; questions leave
    them out otherwise (``search.query``), and their rarity weighs in ranking.
    """
    terms = (
        term(word, language)
        for word in words(text, language)
        if is_meaningful(word) and not (stop_words and is_stop_word(word, language))
    )
    # Folding may leave nothing of a word (a lone Arabic vowel mark or tatweel).
    return [found for found in terms if found]
