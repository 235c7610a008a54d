"""Languages of the content: the source language and the fallback to it.

French is the language every page and snippet is written in first (``LANGUAGE_CODE``);
the other languages are translations of it. Where a translation is missing residents
read the source, with a notice: this module is the one place that rule is written.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext
from wagtail_localize.fields import SynchronizedField

# A page or item keeps its source's slug in every language, so its addresses differ only
# by the language prefix: wagtail-localize copies it instead of offering it to translators
# as text (and to machine translation, which "translated" it); a translator can still
# change it in the translation editor's synchronised fields.
SOURCE_SLUG = SynchronizedField("slug")


def source_language():
    return settings.LANGUAGE_CODE


def is_source_language(language_code):
    return (language_code or "").split("-")[0] == source_language()


def in_locale_or_source(queryset, locale):
    """The objects of ``queryset`` in ``locale``; the source language's while that locale
    has none (a snippet not translated yet)."""
    objects = list(queryset.filter(locale=locale))
    if objects or locale.language_code == source_language():
        return objects
    return list(queryset.filter(locale__language_code=source_language()))


def join_words(items, language=None):
    """``items`` as a sentence lists them in ``language`` (the active one by default):
    "A, B et C", "A, B and C", "A، B وC". Each language's catalogue gives its pattern."""
    items = [str(item) for item in items]
    if not items:
        return ""
    with translation.override(language or translation.get_language()):
        text = items[0]
        for position, item in enumerate(items[1:], start=2):
            if position == len(items):
                # Translators: the last two items of a list, as in "A, B and C".
                pattern = pgettext("list", "%(items)s and %(last)s")
            else:
                # Translators: the separator between items of a list, as in "A, B and C".
                pattern = pgettext("list", "%(items)s, %(last)s")
            text = pattern % {"items": text, "last": item}
    return text
