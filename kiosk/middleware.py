"""Kiosk mode: a signed cookie holding only the profile's slug marks the screen.

Every response to a kiosk is made safe for the next visitor: links that would leave the
kiosk are rewritten (see ``kiosk.links``) and nothing is kept in the browser's HTTP
cache or shared caches, since pages carry what the visitor typed (search, filters).
"""

from django.utils.cache import add_never_cache_headers, patch_vary_headers

from .links import rewrite_links
from .models import KioskProfile

COOKIE_NAME = "proxima_kiosk"
COOKIE_SALT = "kiosk.profile"


def kiosk_profile_for(request):
    # A missing, tampered or expired cookie reads as None: the page is an ordinary one.
    slug = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    if not slug:
        return None
    return KioskProfile.objects.select_related("place").filter(slug=slug).first()


def remember_profile(response, profile):
    # A session cookie: closing the browser leaves kiosk mode; the screen's launcher
    # always starts again at the profile's address (see docs/kiosk.md).
    response.set_signed_cookie(
        COOKIE_NAME, profile.slug, salt=COOKIE_SALT, httponly=True, samesite="Lax"
    )


def forget_profile(response):
    response.delete_cookie(COOKIE_NAME, samesite="Lax")


class KioskMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kiosk_profile = kiosk_profile_for(request)
        response = self.get_response(request)
        # Pages differ in kiosk mode: a shared cache must not serve one for the other.
        patch_vary_headers(response, ["Cookie"])
        profile = request.kiosk_profile
        if profile is None:
            return response
        add_never_cache_headers(response)
        content_type = response.headers.get("Content-Type", "")
        if content_type.startswith("text/html") and not response.streaming:
            charset = response.charset
            html = response.content.decode(charset)
            response.content = rewrite_links(html, request, profile).encode(charset)
        return response
