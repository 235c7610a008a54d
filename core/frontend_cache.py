"""Purging pages from the front cache (a caching proxy or a CDN) once an edit is committed.

``WAGTAILFRONTENDCACHE`` (``config.environment.frontend_cache_backends``) names the caches;
it is empty, and nothing here runs, unless the environment configures one. Wagtail's
backends do the purging (``wagtail.contrib.frontend_cache``), with two changes so that a
cache that is down never holds or fails a publish:

- the purge is sent after the commit, from a thread of its own (the editor is answered
  first), and whatever goes wrong there is logged, never raised;
- ``HTTPBackend`` waits a bounded time for each PURGE (``FRONTEND_CACHE_TIMEOUT``), and
  stops at the first cache it cannot reach: one timeout per publish, not one per address.
"""

import logging
import threading
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend as WagtailHTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

THREAD_NAME = "frontend-cache-purge"


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


class HTTPBackend(WagtailHTTPBackend):
    """Wagtail's HTTP ``PURGE`` backend (Varnish, nginx's purge module), each request
    bounded by ``TIMEOUT`` seconds; an unreachable cache ends the batch at once."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def request(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        return PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        urls = list(urls)
        for done, url in enumerate(urls):
            try:
                request = self.request(url)
                # LOCATION is an http(s) address (config.environment checks it).
                with urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    response.read()
            except HTTPError as error:
                # nginx's purge module answers 404 for an address it did not keep.
                level = logging.DEBUG if error.code == 404 else logging.WARNING
                logger.log(level, "Front cache: %s not purged (HTTP %s).", url, error.code)
            except OSError as error:  # refused, silent (timeout), reset, unknown host
                logger.warning(
                    "Front cache unreachable at %s (%s): %d address(es) not purged; "
                    "they expire with the cache's own lifetime.",
                    self.cache_netloc,
                    getattr(error, "reason", error),
                    len(urls) - done,
                )
                return


def purge_after_commit(urls):
    """Purges ``urls`` (full addresses) from every configured cache once the current
    transaction is committed (at once outside one), in the background."""
    urls = sorted(set(urls))
    if urls and enabled():
        transaction.on_commit(lambda: purge_in_background(urls), robust=True)


def purge_in_background(urls):
    thread = threading.Thread(target=purge, args=(urls,), name=THREAD_NAME, daemon=True)
    thread.start()
    return thread


def purge(urls):
    """Sends the purges, each cache the addresses of the hosts it serves; never raises."""
    try:
        for name, backend in get_backends().items():
            chosen = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
            if chosen:
                logger.info("Front cache %s: purging %d address(es).", name, len(chosen))
                backend.purge_batch(chosen)
    except Exception:  # in a thread, only the log would ever know
        logger.exception("Front cache: purge failed; pages expire with the cache's lifetime.")
