"""Human translations of part of the demo, applied through wagtail-localize.

Each language module holds ``STRINGS``: French source text → translation, a translation
memory for the home page, the directory, the theme pages, the taxonomies and the
services in ``SERVICES``. The loader feeds them to wagtail-localize string by string;
a French string missing here (a phone number, a name) stays as it is. The other
languages keep showing the French pages with a notice.
"""

from . import ar, en, es, pt

STRINGS = {"en": en.STRINGS, "pt": pt.STRINGS, "es": es.STRINGS, "ar": ar.STRINGS}

# Services translated in every language above (slugs of French pages).
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
