"""What a resident typed, parsed and analysed once into a ``Question``.

Backends choke on ordinary input: SQLite FTS5 raises a syntax error on a lone ``"``,
``*``, ``:``, ``-`` or the words AND/OR/NOT/NEAR; PostgreSQL's query parser recurses
once per word and overflows Python's stack past ~150 words; NUL bytes break both.
So a query is reduced to its words — letters, marks and digits in any script —
lowercased, deduplicated and capped. Operators and quotes simply disappear.

Each word then gets its *forms*: its index term in the visitor's language and in the
source language (French), since an untranslated page shows French text to every
visitor and residents mix languages (“житло CAF”). Every step of a search — the
engine, spelling corrections, synonyms, promotions, statistics — receives the same
``Question``.
"""

import unicodedata
from dataclasses import dataclass, replace

from core.i18n import source_language

from .analysis import fold, is_meaningful, is_stop_word, term, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Control (Cc), format (Cf: bidi overrides, zero-width), surrogate, private-use and
# unassigned characters carry no meaning for a search.
DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_query(raw):
    """The query as shown back to the visitor: printable, one-spaced, capped."""
    text = unicodedata.normalize("NFKC", str(raw or "")[: MAX_QUERY_LENGTH * 4])
    text = "".join(
        " " if unicodedata.category(char) in DROPPED_CATEGORIES else char for char in text
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query, language=None):
    """The distinct words of a cleaned query, lowercased, at most MAX_TERMS."""
    return list(dict.fromkeys(words(query, language)))[:MAX_TERMS]


def query_languages(language):
    """The languages a question is analysed in: the visitor's, then the source's."""
    return list(dict.fromkeys([language, source_language()]))


def forms_of(word, languages):
    """The index terms ``word`` matches, typed in any of ``languages``."""
    return {found for language in languages if (found := term(word, language))}


@dataclass(frozen=True)
class Word:
    typed: str  # folded, as typed
    forms: frozenset  # index terms it matches


@dataclass(frozen=True)
class Question:
    text: str  # cleaned, shown back to the resident
    language: str
    words: tuple = ()  # meaningful Words, stop words left out
    typed: tuple = ()  # every word typed, folded (statistics, promotions)
    corrects: str = ""  # the text this question corrects, when it is a correction

    @classmethod
    def parse(cls, raw, language):
        text = clean_query(raw)
        languages = query_languages(language)
        typed = search_terms(text, language)
        meaningful = [word for word in typed if is_meaningful(word)]
        # Stop words are left out, unless the question is made of nothing else.
        meaningful = [
            word for word in meaningful if not any(is_stop_word(word, lang) for lang in languages)
        ] or meaningful
        analysed = [(fold(word), frozenset(forms_of(word, languages))) for word in meaningful]
        return cls(
            text=text,
            language=language,
            words=tuple(Word(folded, forms) for folded, forms in analysed if folded and forms),
            typed=tuple(folded for folded in dict.fromkeys(map(fold, typed)) if folded),
        )

    def __bool__(self):
        return bool(self.words)

    @property
    def normalised(self):
        """Every word typed, folded, in order: how statistics and promotions know it."""
        return " ".join(self.typed)

    def alternatives(self):
        """For each word, the index terms that match it."""
        return [word.forms for word in self.words]

    def corrected(self, replacements):
        """The question with some words replaced (``{typed word: (shown, Word)}``)."""
        text = " ".join(replacements.get(word, (word, None))[0] for word in self.typed)
        return replace(
            self,
            text=text,
            words=tuple(
                replacements[word.typed][1] if word.typed in replacements else word
                for word in self.words
            ),
            corrects=self.text,
        )

    def with_words(self, text):
        """Another question in the same language (a synonym's expansion)."""
        return Question.parse(text, self.language)
