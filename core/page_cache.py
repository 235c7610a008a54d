"""Whole pages for anonymous residents, rendered once per minute and kept in the shared cache.

A page residents read is the same for every anonymous visitor who asks for the same
address in the same minute: it is made of the address (scheme, host, path and query
string), the language (the path's prefix), the content (``core.content_version``) and
the time (“open now, until 12:00”, true for the minute, as on cards). So the page
rendered for the first of them is kept whole under a key holding all of these
(``content_version.resident_key``) and given to the next ones without routing, a query
or a template. An edit changes the version and the next request renders the page
again; a page is never read after the minute it was rendered in. See
docs/decisions/0004-page-cache.md.

What may be kept is decided once, here:

- the page type opts in with ``ResidentPage`` (pages with a form or anything personal
  do not), and the page is not sensitive (``is_sensitive``: violence, abuse), which is
  sent ``Cache-Control: no-store`` instead;
- the request is a GET carrying no cookie the site reads — editors (session), kiosks
  (their signed cookie), messages — and no credentials, and is not a Wagtail preview;
- the response is a plain 200 whose rendering set no cookie, used no CSRF token, read
  no session or messages, and asked for no ``Vary`` or ``Cache-Control`` of its own.

The middleware is the last in ``MIDDLEWARE`` (a system check says so): every response,
kept or not, goes back through the others, which add the security headers,
``Content-Language`` and the kiosk's ``Vary`` as they do without the cache; the kept
HTML holds no per-request value (the Content-Security-Policy has no nonce). A cache
that fails only means pages are rendered again.
"""

import hashlib
import logging

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from . import content_version

logger = logging.getLogger(__name__)

MIDDLEWARE = "core.page_cache.PageCacheMiddleware"
# A page is read only in the minute it was rendered in; it may go when that minute ends.
PAGE_SECONDS = 60


class ResidentPage:
    """The page types anonymous residents read; first in the bases, before ``Page``.

    Their pages are built only from the address, the language, the content and the
    minute, so they may be kept for the next visitors (``PageCacheMiddleware``).
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(self, "is_sensitive", False):
            # Read by someone who may share the device, or the network, with the person
            # they fear: no cache keeps it, neither the browser's nor a shared one.
            add_never_cache_headers(response)
            return response
        # Wagtail checked view restrictions before serving: a restricted page reaches
        # here only for a visitor with a session, whose request is never kept.
        request.page_cache_allowed = True
        return response


def neutral_cookies():
    """Cookies that change nothing on a resident page: the CSRF token (forms are never
    kept) and the language (the path's prefix decides)."""
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def may_use_cache(request):
    """Whether ``request`` may be answered from the cache, or its page kept."""
    return (
        request.method == "GET"
        # Wagtail's previews run the middleware on a dummy request to the page's address.
        and not getattr(request, "is_dummy", False)
        and "HTTP_AUTHORIZATION" not in request.META
        and set(request.COOKIES) <= neutral_cookies()
    )


def may_keep(request, response):
    """Whether ``response`` is a page anyone asking the same address may be given."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        getattr(request, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and {name.lower() for name in response.headers} <= {"content-type"}
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
        and not (messages is not None and (messages.used or messages.added_new))
    )


def page_key(request):
    """The key of ``request``'s page in the current version and minute."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return content_version.resident_key(
        "page",
        content_version.current(),
        request,
        content_version.minute_of(timezone.now()),
        hashlib.blake2b(address.encode(), digest_size=16).hexdigest(),
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        try:
            key = page_key(request)
            kept = cache.get(key)
        except Exception as error:  # noqa: BLE001 - a failing cache means no caching
            logger.warning("Page cache unavailable: %r", error)
            return self.get_response(request)
        if isinstance(kept, tuple) and len(kept) == 2:
            content_type, content = kept
            return HttpResponse(content, content_type=content_type)
        response = self.get_response(request)
        if may_keep(request, response):
            try:
                cache.set(key, (response["Content-Type"], response.content), PAGE_SECONDS)
            except Exception as error:  # noqa: BLE001 - a failing cache means no caching
                logger.warning("Page cache unavailable: %r", error)
        return response


def check_middleware_order(app_configs, **kwargs):
    """The page cache must see what every other middleware set on the request (session,
    language, kiosk) and leave them every response to complete."""
    if MIDDLEWARE in settings.MIDDLEWARE and settings.MIDDLEWARE[-1] != MIDDLEWARE:
        return [
            checks.Error(
                f"{MIDDLEWARE} must be the last entry of MIDDLEWARE.",
                hint="Every other middleware must run before it and see every response.",
                id="core.E001",
            )
        ]
    return []
