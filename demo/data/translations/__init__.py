"""Translations of part of the demo, applied through wagtail-localize.

Each language module holds ``STRINGS``: French source text → translation, a translation
memory for the home page, the directory, the theme pages, the taxonomies (needs
included) and, in some languages, the services in ``SERVICES_BY_LANGUAGE``; and
``KEYWORDS``: residents' words in that language by ``(kind, slug)`` — what people there
say, not a word-for-word translation of the French lists. The loader feeds them to
wagtail-localize string by string; a French string missing here (a phone number, a
name) stays as it is. Pages not translated keep showing the French text with a notice.

Who wrote what, as wagtail-localize records it (``localization/freshness.py`` tells
residents and editors what nobody has reviewed yet):

- translators wrote the ``STRINGS`` of the languages in ``REVIEWED``, needs aside: their
  translations are "manual";
- everything else was drafted by machine, for review by native speakers: the other
  languages' strings, every language's needs and every ``KEYWORDS`` list ("machine").
"""

from . import ar, de, en, es, it, pt, sq, ta, ti, tr, uk

# In the order of settings.LANGUAGES, French (the source) aside.
MODULES = {
    "en": en,
    "de": de,
    "it": it,
    "pt": pt,
    "es": es,
    "ar": ar,
    "sq": sq,
    "uk": uk,
    "tr": tr,
    "ta": ta,
    "ti": ti,
}
STRINGS = {language: module.STRINGS for language, module in MODULES.items()}
KEYWORDS = {language: module.KEYWORDS for language, module in MODULES.items()}

# Languages whose strings (needs aside) were written by translators.
REVIEWED = ("en", "pt", "es", "ar")

# Services translated (slugs of French pages), in the languages that have them.
SERVICES = [
    "guichet-information-sociale",
    "seniors-plus",
    "soutien-a-domicile-rsv",
    "correspondants-de-nuit",
    "maisons-de-quartier",
    "cours-francais-adultes",
    "emploi-jeunes-vernier",
    "aide-violences-conjugales-geneve",
    "conseil-social-pro-senectute",
    "permanence-juridique-cidff",
]
SERVICES_BY_LANGUAGE = {
    "en": SERVICES,
    "de": [],
    "it": [],
    "pt": SERVICES,
    "es": SERVICES,
    "ar": SERVICES,
    "sq": [],
    "uk": [],
    "tr": [],
    "ta": [],
    "ti": [],
}
