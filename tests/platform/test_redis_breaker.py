"""Production's cache (core.redis_cache) when Redis refuses or never answers: every call
is a miss at once after the first failure, pages are served, Redis is left alone."""

import pytest
from django.core.cache import cache, caches
from django.test import override_settings
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from core import content_version
from core.redis_cache import RedisCache
from services_directory.factories import ServicePageFactory
from tests.faults import closed_port, silent_server

pytestmark = pytest.mark.django_db

# Short timeouts keep the tests fast; production's are in docs/deployment.md.
TIMEOUTS = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.3, "SOCKET_TIMEOUT": 0.3}


def redis_at(port):
    return {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": TIMEOUTS,
        }
    }


@pytest.fixture
def refusing():
    with override_settings(CACHES=redis_at(closed_port())):
        yield caches["default"]


@pytest.fixture
def silent():
    with silent_server() as server, override_settings(CACHES=redis_at(server.port)):
        yield server


def test_a_refusing_redis_is_a_miss_then_left_alone(refusing, monkeypatch):
    assert refusing.get("key", "default") == "default"
    assert refusing.breaker.is_open
    asked = []
    monkeypatch.setattr(refusing._client, "get", lambda *args, **kwargs: asked.append(args))
    monkeypatch.setattr(refusing._client, "set", lambda *args, **kwargs: asked.append(args))
    assert refusing.get("key") is None
    assert refusing.get_many(["a", "b"]) == {}
    refusing.set("key", "value")
    assert asked == [], "the breaker answers without asking Redis"


def test_a_silent_redis_costs_one_connection_per_process_not_one_per_call(silent):
    assert cache.get("key") is None
    assert silent.connections() == 1
    assert cache.breaker.is_open
    assert cache.get("key") is None
    assert not cache.add("key", 1)
    assert silent.connections() == 1


@pytest.mark.parametrize("server", ["refusing", "silent"])
def test_pages_are_served_and_redis_tried_once(request, server, site_tree, client):
    ServicePageFactory(parent=site_tree.directory, title="Permanence logement")
    failing = request.getfixturevalue(server)
    for _ in range(2):
        response = client.get("/fr/services/")
        assert response.status_code == 200
        assert "Permanence logement" in response.content.decode()
    assert caches["default"].breaker.is_open
    if server == "silent":
        assert failing.connections() == 1


class FlakyClient:
    """A django-redis client whose server fails once, then answers."""

    def __init__(self, cause):
        self.cause = cause
        self.stored = {}

    def get(self, key, default=None, **_kwargs):
        if self.cause is not None:
            cause, self.cause = self.cause, None
            raise ConnectionInterrupted(connection=None) from cause
        return self.stored.get(key, default)

    def set(self, key, value, *_args, **_kwargs):
        self.stored[key] = value
        return True


def flaky_cache(cause):
    backend = RedisCache("redis://127.0.0.1:6379/0", {"OPTIONS": TIMEOUTS})
    backend._client = FlakyClient(cause)
    return backend


def test_when_redis_is_back_the_content_version_changes(settings):
    settings.CIRCUIT_BREAKER_SECONDS = 0  # the next call tries Redis again
    backend = flaky_cache(RedisConnectionError("refused"))
    assert backend.get("key") is None
    assert backend.breaker.is_open
    backend.get("key")
    assert not backend.breaker.is_open
    # Edits made during the outage could not bump the version it holds.
    assert content_version.VERSION_KEY in backend._client.stored


def test_an_error_answered_by_redis_does_not_open_the_breaker():
    backend = flaky_cache(ResponseError("WRONGTYPE"))
    assert backend.get("key") is None
    assert not backend.breaker.is_open
