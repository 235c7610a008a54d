"""At most a few submissions per client in a window, counted in the cache.

The client's address is only ever used hashed with the secret key, as a cache key
that expires with the window: it is never stored in the database or logged. Each form
has its own ``Limit``; "send to my phone" also limits the messages one recipient can
receive, whoever asks (``recipient_key``), so that the form cannot flood a mailbox.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from core.client_address import client_address


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


def hashed(value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def client_key(request, limit=PROBLEM_REPORTS):
    return f"{limit.scope}:{hashed(client_address(request))}"


def recipient_key(address, limit=SEND_TO_ONE_RECIPIENT):
    return f"{limit.scope}:{hashed(address.strip().lower())}"


def key_is_limited(key, limit):
    return cache.get(key, 0) >= limit.per_window


def count_key(key, limit):
    if not cache.add(key, 1, limit.window_seconds):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, limit.window_seconds)


def is_limited(request, limit=PROBLEM_REPORTS):
    return key_is_limited(client_key(request, limit), limit)


def count(request, limit=PROBLEM_REPORTS):
    count_key(client_key(request, limit), limit)


def count_report(request):
    count(request, PROBLEM_REPORTS)
