"""Folding: what residents type and what editors wrote, reduced to the same letters.

Residents drop accents (“impot”), type Arabic with or without vowel marks and with any
of the alef forms, write Turkish without its dotless i. Every word is folded the same
way when it is indexed and when it is searched for, in every language:

- case folded, compatibility forms composed (NFKC);
- diacritics removed from Latin, Greek and Cyrillic letters (é → e, ç → c, й → и);
  never from Tamil or Ethiopic, where the marks are vowels of the word;
- Arabic: vowel marks and the tatweel removed, alef forms to ا, ة to ه, ى to ي,
  hamza carriers to their letter;
- a few Latin letters that do not decompose: ß, æ, œ, ø, ł, đ, ı.
"""

import unicodedata
from functools import lru_cache

FOLDED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
LATIN_LIGATURES = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "ð": "d"}
)
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,  # tatweel, a stretching stroke
    }
)


@lru_cache(maxsize=4096)
def script_of(char):
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0]


def is_arabic_mark(char):
    return "\u064b" <= char <= "\u065f" or char == "\u0670"


@lru_cache(maxsize=65536)
def fold(word):
    """A word (or any text) as it is compared: see the module's rules."""
    text = unicodedata.normalize("NFKC", word).casefold()
    kept = []
    base_script = ""
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if base_script in FOLDED_SCRIPTS or is_arabic_mark(char):
                continue
        else:
            base_script = script_of(char)
        kept.append(char)
    folded = unicodedata.normalize("NFC", "".join(kept))
    return folded.translate(LATIN_LIGATURES).translate(ARABIC_LETTERS)
