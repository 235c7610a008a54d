from django import template
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag
def translation_notice(page):
    """None, or what the visitor must know about the language of ``page``'s text.

    A page not yet translated is an alias of the French page: it shows the French text,
    which must be marked as such so screen readers switch voice.
    """
    source = getattr(page, "alias_of", None)
    if source is None or source.locale_id == page.locale_id:
        return None
    language = source.locale.language_code
    return {
        "kind": "untranslated",
        "content_language": language,
        "content_language_name": get_language_info(language)["name_translated"],
        "visitor_language_name": get_language_info(get_language())["name_translated"],
        "source_url": source.url,
    }
