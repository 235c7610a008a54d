"""The default Site's address follows the one public address, ``BASE_URL``.

Wagtail builds a page's full address from its Site's hostname and port (sitemaps, QR
codes, printouts, e-mails to residents), the API and the staff e-mails from
``WAGTAILADMIN_BASE_URL``: ``point_site_at`` makes them one.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(base_url=None):
    """(hostname, port) of ``base_url`` (default: the settings'), as a Wagtail Site holds
    them; refused when the Site could not give it back (a path, https on another port)."""
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(base_url)
    port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    if not parts.hostname or port is None or parts.path.strip("/"):
        raise ImproperlyConfigured(f"BASE_URL {base_url!r} is not a site's address.")
    if parts.scheme == "https" and port != DEFAULT_PORTS["https"]:
        raise ImproperlyConfigured(f"BASE_URL {base_url!r}: https is served on port 443.")
    return parts.hostname, port


def point_site_at(site, base_url=None):
    """Gives ``site`` the hostname and port of ``base_url``; True when it changed."""
    hostname, port = site_address(base_url)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()
    return True


def default_site(root_page, site_name):
    """The default Site on ``root_page`` at the public address: created, or moved there."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        return Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=root_page,
            is_default_site=True,
            site_name=site_name,
        )
    if site.root_page_id != root_page.pk:
        site.root_page = root_page
        site.site_name = site.site_name or site_name
        site.save()
    return site


def root_url(request):
    """The public address of the site serving ``request``, without a final slash."""
    site = Site.find_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
