"""Kiosk mode: a signed cookie holding the profile's slug and a fingerprint of its
enrolment key marks the screen; a new key takes every screen enrolled with the old one
out of kiosk mode.

Every response to a kiosk is made safe for the next visitor: links that would leave the
kiosk are rewritten (see ``kiosk.links``) and nothing is kept in the browser's HTTP
cache or shared caches, since pages carry what the visitor typed (search, filters).
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.crypto import constant_time_compare

from .links import rewrite_links
from .models import KioskProfile

COOKIE_NAME = "proxima_kiosk"
COOKIE_SALT = "kiosk.profile"


def kiosk_profile_for(request):
    # A missing, tampered or expired cookie, or one from before the key changed, reads as
    # None: the page is an ordinary one.
    value = request.get_signed_cookie(COOKIE_NAME, default="", salt=COOKIE_SALT)
    slug, _separator, fingerprint = value.partition(":")
    if not slug or not fingerprint:
        return None
    profile = KioskProfile.objects.select_related("place").filter(slug=slug).first()
    if profile is None or not constant_time_compare(fingerprint, profile.enrolment_fingerprint()):
        return None
    return profile


def remember_profile(response, profile):
    # A session cookie: closing the browser leaves kiosk mode; the screen's launcher
    # always starts again at the profile's enrolment address (see docs/kiosk.md).
    response.set_signed_cookie(
        COOKIE_NAME,
        f"{profile.slug}:{profile.enrolment_fingerprint()}",
        salt=COOKIE_SALT,
        httponly=True,
        samesite="Lax",
        secure=settings.KIOSK_COOKIE_SECURE,
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
