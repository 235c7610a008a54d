from django import template
from django.utils.translation import get_language, get_language_info

from localization.freshness import freshness_of, source_language

register = template.Library()


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
            "content_language_name": get_language_info(language)["name_translated"],
            "visitor_language_name": get_language_info(get_language())["name_translated"],
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
        "source_language_name": get_language_info(source_language())["name_translated"],
        "source_url": source_url,
    }
