"""At most a few submissions per client in a window, counted where every process sees it.

Each form has its own ``Limit``, per client: one resident who reaches it is refused alone,
never the others (there is no limit for the whole form). "Send to my phone" also limits
the messages one recipient can receive, whoever asks (``recipient_key``), so that the
form cannot flood a mailbox.

Where the counts are kept:

- in the shared cache (Redis, ``REDIS_URL``), which every app process and server sees;
- in the database (``RateLimitCount``) when Redis refuses, is silent or its breaker is
  open (``core.redis_cache``), and when the cache is each process's own (no Redis): a
  limit that cannot be counted is never lifted. When the store changes during a window,
  that window's count starts again from zero in the other store, once.

A client's window starts with its first submission and lasts the limit's length.

The client is the address ``core.client_address`` gives (IPv6: its /64 network, which
one household or device gets whole). It is only ever used hashed with the secret key,
in a key that expires with the window: never stored in clear, nor logged.
"""

import datetime
import hashlib
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from core.client_address import client_address, parse

from .models import RateLimitCount


@dataclass(frozen=True)
class Limit:
    scope: str
    per_window: int
    window_seconds: int


REPORTS_PER_WINDOW = 5
WINDOW_SECONDS = 10 * 60
PROBLEM_REPORTS = Limit("problem-report", REPORTS_PER_WINDOW, WINDOW_SECONDS)
# A resident sends a few services to themselves, not dozens.
SEND_TO_PHONE = Limit("send-to-phone", 5, 10 * 60)
SEND_TO_ONE_RECIPIENT = Limit("send-to-recipient", 5, 60 * 60)
# Several pages read in a row, each answered once: more is a robot.
HELPFUL_ANSWERS = Limit("helpful", 20, 10 * 60)

# Caches that are not shared between processes: counting there would multiply each
# limit by the number of processes (or, for the dummy cache, never limit at all).
PROCESS_LOCAL_CACHES = (LocMemCache, DummyCache)
# What a cache that cannot count raises; the database counts instead.
CACHE_FAILURES = (ConnectionInterrupted, RedisError, OSError)


def hashed(value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def client_id(request):
    """Who is counted: the client's address, or its /64 network for IPv6 (a device
    may change addresses within it at will)."""
    address = client_address(request)
    parsed = parse(address)
    if parsed is not None and parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return address


def client_key(request, limit=PROBLEM_REPORTS):
    return f"{limit.scope}:{hashed(client_id(request))}"


def recipient_key(address, limit=SEND_TO_ONE_RECIPIENT):
    return f"{limit.scope}:{hashed(address.strip().lower())}"


def shared_cache():
    """The cache's calls that raise when Redis fails (django-redis's client, behind the
    breaker of ``core.redis_cache``), instead of the cache's own silent miss; None when
    the cache is not shared between processes."""
    backend = caches["default"]
    if isinstance(backend, PROCESS_LOCAL_CACHES):
        return None
    return getattr(backend, "client", backend)


def cached_count(cache, key):
    return int(cache.get(key, 0) or 0)


def cache_add(cache, key, limit):
    if not cache.add(key, 1, limit.window_seconds):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, limit.window_seconds)


def stored_count(key):
    counts = RateLimitCount.objects.filter(key=key, expires_at__gt=timezone.now())
    return counts.values_list("count", flat=True).first() or 0


def store_add(key, limit):
    """One more in the client's window, or a window that starts now: as in the cache."""
    now = timezone.now()
    counts = RateLimitCount.objects.filter(key=key)
    if counts.filter(expires_at__gt=now).update(count=F("count") + 1):
        return
    started = {
        "window_start": now,
        "expires_at": now + datetime.timedelta(seconds=limit.window_seconds),
        "count": 1,
    }
    if counts.update(**started):
        return
    try:
        with transaction.atomic():
            RateLimitCount.objects.create(key=key, **started)
    except IntegrityError:  # another request of this client created it meanwhile
        counts.update(count=F("count") + 1)
        return
    # A new client's first window: the windows that are over go (``purge_problem_reports``
    # deletes them too).
    RateLimitCount.objects.purge(now)


def current_count(key):
    cache = shared_cache()
    if cache is not None:
        try:
            return cached_count(cache, key)
        except CACHE_FAILURES:
            pass
    return stored_count(key)


def key_is_limited(key, limit):
    return current_count(key) >= limit.per_window


def count_key(key, limit):
    cache = shared_cache()
    if cache is not None:
        try:
            cache_add(cache, key, limit)
            return
        except CACHE_FAILURES:
            pass
    store_add(key, limit)


def is_limited(request, limit=PROBLEM_REPORTS):
    return key_is_limited(client_key(request, limit), limit)


def count(request, limit=PROBLEM_REPORTS):
    count_key(client_key(request, limit), limit)
