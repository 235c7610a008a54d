"""One word to its stem (or lemma), per language: “expulsions” and “expulsion” meet.

- Snowball stemmers (PyStemmer, the C build of the Snowball algorithms) for French,
  English, German, Italian, Portuguese, Spanish, Arabic, Turkish and Tamil;
- simplemma's dictionary lemmatiser for Ukrainian (with Russian, which many Ukrainian
  residents also type) and Albanian, which Snowball does not cover;
- for Tigrinya, which neither covers, a light stemmer of our own: the plural suffix and
  the one-syllable prepositions written joined to the word.

See docs/decisions/0005-search-analysis.md for why these.
"""

from functools import cache, lru_cache

import simplemma
import Stemmer

SNOWBALL = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "es": "spanish",
    "ar": "arabic",
    "tr": "turkish",
    "ta": "tamil",
}
LEMMATISED = {"uk": ("uk", "ru"), "sq": "sq"}
# Tigrinya: plural suffixes, and prepositions joined to the word (ብ by, ን to/for, ና to,
# ካብ from, ምስ with, ዝ relative). Only stripped when two syllables remain.
TIGRINYA_SUFFIXES = ("ታት", "ትታት")
TIGRINYA_PREFIXES = ("ካብ", "ምስ", "ብ", "ን", "ና", "ዝ")
TIGRINYA_MIN_STEM = 2


@cache
def snowball(algorithm):
    return Stemmer.Stemmer(algorithm)


def light_tigrinya(word):
    for suffix in sorted(TIGRINYA_SUFFIXES, key=len, reverse=True):
        if word.endswith(suffix) and len(word) - len(suffix) >= TIGRINYA_MIN_STEM:
            word = word[: -len(suffix)]
            break
    for prefix in TIGRINYA_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= TIGRINYA_MIN_STEM:
            return word[len(prefix) :]
    return word


@lru_cache(maxsize=200_000)
def stem(word, language):
    """The stem of a lower-case ``word`` in ``language`` (the word itself where the
    language has no stemmer)."""
    if language in SNOWBALL:
        return snowball(SNOWBALL[language]).stemWord(word)
    if language in LEMMATISED:
        return simplemma.lemmatize(word, lang=LEMMATISED[language]).casefold()
    if language == "ti":
        return light_tigrinya(word)
    return word
