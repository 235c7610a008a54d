"""Circuit breakers: a service that failed is left alone for a while, in this process.

A silent server (one that accepts connections and never answers) costs each call its
whole timeout. A page asks the cache a dozen times and publishing a page asks the search
cluster once per language, so timeouts alone still add up to tens of seconds. After a
failure, a breaker therefore answers "not now" without trying, for
``CIRCUIT_BREAKER_SECONDS``; then one call tries again (the others still wait) and
either closes the breaker or leaves it open for another period.

Breakers are kept per process, not in the shared cache, because the shared cache is one
of the services they protect. Each process pays one timeout per period at most, and
says once in the log that the service is gone, and once that it is back.
"""

import logging
import threading
import time

from django.conf import settings

logger = logging.getLogger(__name__)

_breakers = {}
_registry_lock = threading.Lock()


class CircuitBreaker:
    def __init__(self, name, consequence=""):
        self.name = name
        # What residents and editors get meanwhile, said in the log when it opens.
        self.consequence = consequence
        self._open_until = None
        self._lock = threading.Lock()

    @property
    def is_open(self):
        return self._open_until is not None

    def allows(self):
        """Whether a call may try the service now. When the pause is over, the first
        caller is let through to try it; others are refused until it has succeeded."""
        with self._lock:
            if self._open_until is None:
                return True
            now = time.monotonic()
            if now < self._open_until:
                return False
            self._open_until = now + settings.CIRCUIT_BREAKER_SECONDS
            return True

    def failed(self, error):
        with self._lock:
            opening = self._open_until is None
            self._open_until = time.monotonic() + settings.CIRCUIT_BREAKER_SECONDS
        if opening:
            logger.warning(
                "%s unavailable (%s); not tried again for %s s. %s",
                self.name,
                error,
                settings.CIRCUIT_BREAKER_SECONDS,
                self.consequence,
            )

    def succeeded(self):
        """Closes the breaker; True when it was open (the service has come back)."""
        with self._lock:
            was_open = self._open_until is not None
            self._open_until = None
        if was_open:
            logger.warning("%s available again.", self.name)
        return was_open


def breaker(name, consequence=""):
    """The process's breaker called ``name`` (one per service, whichever thread asks)."""
    with _registry_lock:
        if name not in _breakers:
            _breakers[name] = CircuitBreaker(name, consequence)
        return _breakers[name]


def reset_all():
    """Closes every breaker of this process (tests)."""
    with _registry_lock:
        _breakers.clear()
