"""Sends a signed-in staff member who has not given their second factor to do so.

Until then, the session may only reach the code and set-up pages, sign out, and the
admin's scripts and translations those pages need: not the admin, not the preview, not a
private page, not the API.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from accounts.two_factor import is_enrolled, must_verify

OPEN_URL_NAMES = (
    "accounts:verify",
    "accounts:enrol",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
)


def is_open(path):
    if settings.STATIC_URL and path.startswith(settings.STATIC_URL):
        return True
    return any(path == reverse(name) for name in OPEN_URL_NAMES)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: the session is not even read (a
        # resident's page stays free of "Vary: Cookie" and cacheable).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if not must_verify(user) or is_open(request.path):
            return self.get_response(request)
        step = "accounts:verify" if is_enrolled(user) else "accounts:enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
