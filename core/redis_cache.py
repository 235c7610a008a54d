"""django-redis's cache behind a circuit breaker (``core.breaker``): production's cache.

django-redis already turns a connection error into a miss (``IGNORE_EXCEPTIONS``), but
each call still waits for its socket timeout: with a silent Redis, a directory page that
reads the cache twenty times took twenty timeouts. Here the first failure opens the
process's breaker, and until it closes every call is a miss or does nothing, at once:
pages are rendered for every request, as without a cache.

When Redis answers again, the content version is changed: edits made meanwhile could
not change it (``core.content_version``), and entries kept before the outage must not be
read as current.
"""

import time
from urllib.parse import urlsplit

from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ResponseError

from . import breaker, content_version

# Client methods that never reach the server.
LOCAL_METHODS = {"close"}


def server_name(server):
    """Where the cache is, for the log: host, port and database, never credentials."""
    first = urlsplit(str(server).split(",")[0])
    return f"Redis cache {first.hostname or ''}:{first.port or 6379}{first.path}"


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # A miss instead of an error is what the breaker's "not now" means.
        self._ignore_exceptions = True
        self.breaker = breaker.breaker(
            server_name(server), "Pages are rendered for every request meanwhile."
        )

    @property
    def client(self):
        return Guarded(super().client, self.breaker, self._recovered)

    def _recovered(self):
        self.set(content_version.VERSION_KEY, time.time_ns(), None)


class Guarded:
    """The django-redis client, asked only when the breaker allows it.

    A refused call raises ``ConnectionInterrupted``, which django-redis's cache turns into
    each method's own miss or no-op, as for a real outage.
    """

    def __init__(self, client, circuit, on_recovery):
        self._client = client
        self._circuit = circuit
        self._on_recovery = on_recovery

    def __getattr__(self, name):
        method = getattr(self._client, name)
        if name in LOCAL_METHODS or not callable(method):
            return method

        def guarded(*args, **kwargs):
            if not self._circuit.allows():
                raise ConnectionInterrupted(connection=None)
            try:
                result = method(*args, **kwargs)
            except ConnectionInterrupted as error:
                # An error Redis answered with means it is there; only this command failed.
                if isinstance(error.__cause__, ResponseError):
                    self._answered()
                else:
                    self._circuit.failed(error)
                raise
            self._answered()
            return result

        return guarded

    def _answered(self):
        if self._circuit.succeeded():
            self._on_recovery()
