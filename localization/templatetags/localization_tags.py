from html import unescape

from django import template
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_bidi, get_language_info
from wagtail.models import Page

from localization.freshness import freshness_of, source_language
from localization.submission import can_submit

register = template.Library()

# Where a page's description comes from, first found first: the editors' own, then the
# page's plain-language summary or its introduction (rich text on some page types).
DESCRIPTION_FIELDS = ("search_description", "summary", "intro")
# Search engines show about this many characters.
DESCRIPTION_LENGTH = 160

# Languages whose names are common nouns, written in lower case inside a sentence
# ("disponible en tamoul", "disponible en español"), while catalogues capitalise them for
# lists and menus. German and Turkish capitalise them everywhere; Arabic, Tamil and
# Tigrinya scripts have no case.
LOWER_CASE_LANGUAGE_NAMES = {"fr", "it", "es", "pt", "sq", "uk"}


def name_in_sentence(language_code):
    """The name of ``language_code`` in the active language, as written mid-sentence."""
    name = str(get_language_info(language_code)["name_translated"])
    if get_language() in LOWER_CASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


@register.simple_tag(takes_context=True)
def translation_notice(context, page):
    """None, or what the visitor must know about the language of ``page``'s text.

    A page not yet translated is an alias of the French page: it shows the French text,
    which must be marked as such so screen readers switch voice. A translated page may
    still be a machine translation nobody has checked, or lag behind the French text.
    """
    if page is None or not getattr(page, "pk", None):
        return None
    source = getattr(page, "alias_of", None)
    if source is not None:
        if source.locale_id == page.locale_id:
            return None
        language = source.locale.language_code
        return {
            "kind": "untranslated",
            "content_language": language,
            "content_language_name": name_in_sentence(language),
            "visitor_language_name": name_in_sentence(get_language()),
            "source_url": source.url,
        }
    if get_language() == source_language():
        return None
    row = freshness_of(page)
    if row is None or not (row.is_machine_translated or row.is_stale):
        return None
    source_url = None
    if row.is_stale and row.source_page_id:
        source_url = page.__class__.objects.get(pk=row.source_page_id).get_url(
            context.get("request")
        )
    return {
        "kind": "translated",
        "machine": row.is_machine_translated,
        "stale": bool(row.is_stale),
        "source_changed_at": row.source_published_at,
        "source_language": source_language(),
        "source_language_name": name_in_sentence(source_language()),
        "source_url": source_url,
    }


# Language of parts (WCAG 3.1.2). <html> carries the visitor's language, so every interface
# string, whatever component renders it, is right by default. What is not in that language
# is the text of a page not yet translated: an alias showing its French source's title,
# summary, body and French taxonomies. The elements showing such text carry
# ``{% content_lang page %}``; marking per page (rather than <main> as a whole) keeps each
# card or breadcrumb of a mixed list right, translated or not. Inside such an element, an
# interface string (a StreamField block's label) goes back with ``{% visitor_lang page %}``.


@register.filter
def content_language(page):
    """The language ``page``'s text is written in, when it is not the visitor's; else None."""
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    if not hasattr(page, "_content_language"):
        page._content_language = (
            Page.objects.filter(pk=page.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
    language = page._content_language
    return language if language and language != get_language() else None


def lang_attributes(page, language):
    """``lang`` for ``language``, with ``dir`` when the page's text and the visitor's differ."""
    if get_language_info(content_language(page))["bidi"] == get_language_bidi():
        return format_html(' lang="{}"', language)
    bidi = get_language_info(language)["bidi"]
    return format_html(' lang="{}" dir="{}"', language, "rtl" if bidi else "ltr")


@register.simple_tag
def content_lang(page):
    """` lang="fr"` (and ``dir``) when ``page`` shows text in another language."""
    language = content_language(page)
    return "" if language is None else lang_attributes(page, language)


@register.simple_tag
def visitor_lang(page):
    """The visitor's ``lang`` back, inside an element marked by ``content_lang page``."""
    return "" if content_language(page) is None else lang_attributes(page, get_language())


@register.simple_tag
def meta_description(page, default):
    """The ``<meta name="description">`` text of ``page``, in the visitor's language.

    ``default`` (a translated sentence) for views that are not pages, pages without any
    text to describe them, and pages not yet translated (their text is another language's).
    """
    if page is not None and content_language(page) is None:
        for field in DESCRIPTION_FIELDS:
            text = " ".join(unescape(strip_tags(str(getattr(page, field, "") or ""))).split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
    return default


@register.simple_tag(takes_context=True)
def translation_submission(context):
    """In wagtail-localize's editor: where to submit the translation, for those who may
    not publish it (``localization.submission``); None for the others."""
    instance = context.get("instance")
    if instance is None or not can_submit(context["request"].user, instance):
        return None
    return {"url": reverse("submit_translation_for_moderation", args=[context["translation"].pk])}
