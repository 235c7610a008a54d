"""The web's own open data: sitemaps and robots.txt; the open-data page."""

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import override
from django.views.decorators.http import require_GET

from core.content_version import current
from core.sites import root_url

from .hsds.serializers import absolute
from .published import licence, published_exports
from .sitemaps import entries, languages_with_pages

SITEMAP_CACHE_SECONDS = 3600


def cached_xml(key, render):
    """XML kept until the next edit: a sitemap lists every page of a language."""
    key = f"opendata:{current()}:{key}"
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, SITEMAP_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


def sitemap_index(request):
    def render():
        sitemaps = [
            root_url(request) + reverse("sitemap_language", args=[language])
            for language in languages_with_pages()
        ]
        return render_to_string("opendata/sitemap_index.xml", {"sitemaps": sitemaps})

    return cached_xml(f"sitemap-index:{request.get_host()}", render)


def sitemap_language(request, language):
    if language not in languages_with_pages():
        raise Http404("No page in this language.")

    def render():
        with override(language):
            urls = entries(language, request)
        return render_to_string("opendata/sitemap.xml", {"urls": urls})

    return cached_xml(f"sitemap:{language}:{request.get_host()}", render)


def robots(request):
    sitemap = root_url(request) + reverse("sitemap_index")
    body = render_to_string("opendata/robots.txt", {"sitemap": sitemap})
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_GET
def open_data(request):
    """The licence, the files of the last export with their date, and the APIs."""
    name, address, language = licence()
    return TemplateResponse(
        request,
        "opendata/open_data.html",
        {
            # Named in its own language, isolated from the text around (Arabic's direction).
            "licence_name": format_html('<bdi lang="{}">{}</bdi>', language, name),
            "licence_url": address,
            "licence_language": language,
            "exports": published_exports(),
            "hsds_url": absolute(reverse("hsds:root")),
        },
    )
