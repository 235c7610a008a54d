"""Same-origin check for the forms posted from pages the page cache keeps.

Django's CSRF protection compares a token in the form with one in a cookie. A service
page is kept whole for every anonymous visitor (``core.page_cache``) and sets no cookie
(docs/privacy.md), so its "Was this page helpful?" form can carry no token. What a forged
cross-site form cannot fake is the browser's own account of where the form came from:
``Origin`` (sent by every current browser with a POST), else ``Sec-Fetch-Site``, else
the ``Referer``. A POST carrying none of them is refused.
"""

from urllib.parse import urlsplit

from django.conf import settings


def own_origins(request):
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def is_same_origin(request):
    origin = request.META.get("HTTP_ORIGIN")
    if origin:
        return origin in own_origins(request)
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site:
        return fetch_site == "same-origin"
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" in own_origins(request)
