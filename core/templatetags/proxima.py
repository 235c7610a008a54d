from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, override

from core import documents, i18n
from core.i18n import is_source_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each language named in itself, linking to this page in that language.

    A Wagtail page links to its translation (or the language's home page when it has
    none yet); other views are translated through their URL pattern.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    urls = {}
    if page is not None and getattr(page, "pk", None):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        urls = {p.locale.language_code: p.get_url(request) for p in translations}
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if code in urls:
            url = urls[code]
        elif request is not None and page is None:
            url = url_in_language(request, code)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "is_current": code == current,
                "is_source": is_source_language(code),
            }
        )
    return links


def url_in_language(request, code):
    """This view's address (its query kept) in language ``code``, as ``translate_url``
    gives it, from the view Django already resolved: not one resolution per language."""
    match = request.resolver_match
    if match is None or match.url_name is None:
        return translate_url(request.get_full_path(), code)
    with override(code):
        try:
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.get_full_path()
    return urlunsplit(urlsplit(request.get_full_path())._replace(path=path))


@register.filter(needs_autoescape=True)
def join_words(items, language=None, autoescape=True):
    """``{{ page.audiences.all|join_words }}``: "A, B et C" in the active language, or in
    ``language`` (that of the text around, when it differs)."""
    escape = conditional_escape if autoescape else str
    return mark_safe(i18n.join_words([escape(item) for item in items], language))


@register.filter
def absolute(url, request):
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def page_qr_code(context, page, title):
    """The QR code of ``page``'s full address."""
    from core.qr import qr_svg

    request = context.get("request")
    url = page.get_full_url(request) if page is not None else ""
    return qr_svg(url, title) if url else ""


@register.simple_tag
def exit_url():
    return settings.EXIT_THIS_PAGE_URL


@register.simple_tag
def document_link(document, text=""):
    """A link to a document with its type and size (core.documents); ``text`` or its title."""
    return documents.document_link(document, text or document.title)
