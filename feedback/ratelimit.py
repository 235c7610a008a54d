"""At most a few reports per client in a window, counted in the cache.

The client's address is only ever used hashed with the secret key, as a cache key
that expires with the window: it is never stored in the database or logged.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from core.client_address import client_address

REPORTS_PER_WINDOW = 5
WINDOW_SECONDS = 10 * 60


def client_key(request):
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"problem-report:{digest[:32]}"


def is_limited(request):
    return cache.get(client_key(request), 0) >= REPORTS_PER_WINDOW


def count_report(request):
    key = client_key(request)
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, WINDOW_SECONDS)
