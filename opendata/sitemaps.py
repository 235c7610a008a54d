"""Sitemaps: each language lists the pages that really exist in it, with their alternates.

An untranslated copy (a wagtail-localize alias showing French text) is not a page in
that language: it is left out, and its French page is what search engines get, as the
``x-default`` of every language's alternates. Search and filtered directory pages are not
listed (and robots.txt keeps crawlers out of them).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from core.i18n import source_language


@dataclass
class Entry:
    location: str
    last_modified: object
    alternates: list = field(default_factory=list)  # (language code, location)


def listed_pages():
    """Live public pages residents read in their own language: no aliases, no root."""
    return Page.objects.live().public().filter(alias_of__isnull=True, depth__gt=1)


def entries(language, request=None):
    """The sitemap entries of ``language``, each with every language's version of it."""
    pages = list(listed_pages().select_related("locale").order_by("path"))
    versions = defaultdict(dict)  # translation key -> language -> page
    for page in pages:
        versions[page.translation_key][page.locale.language_code] = page
    listed = []
    for page in pages:
        if page.locale.language_code != language:
            continue
        translations = versions[page.translation_key]
        alternates = [
            (code, translations[code].get_full_url(request))
            for code, _name in settings.LANGUAGES
            if code in translations
        ]
        default = translations.get(source_language(), page)
        alternates.append(("x-default", default.get_full_url(request)))
        listed.append(Entry(page.get_full_url(request), page.last_published_at, alternates))
    return listed


def languages_with_pages():
    present = set(listed_pages().values_list("locale__language_code", flat=True))
    return [code for code, _name in settings.LANGUAGES if code in present]
