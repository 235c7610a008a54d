"""Languages of the content: the source language and the fallback to it.

French is the language every page and snippet is written in first (``LANGUAGE_CODE``);
the other languages are translations of it. Where a translation is missing residents
read the source, with a notice: this module is the one place that rule is written.
"""

from django.conf import settings


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
