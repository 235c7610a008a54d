"""The production stack (deploy/stack.py) started once per module, on the test database.

gunicorn's processes read the test database through their own connections: only what is
committed reaches them, so these tests use the demo (``demo_site``, committed once per
run) and commit what they add, deleting it afterwards. SQLite's test database lives in
this process's memory: the stack runs only on PostgreSQL (``make prod-check``, and the
PostgreSQL pass on the demo of ``make test``), where a stack that cannot start fails.
"""

import http.client
import os
from dataclasses import dataclass

import pytest
import redis
from django.db import connections

from deploy.stack import running

ON_POSTGRES = os.environ.get("TEST_DATABASE") == "postgres"
ONLY_ON_POSTGRES = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="the production stack runs on PostgreSQL only: gunicorn cannot read SQLite's "
    "in-memory test database (make prod-check, or make test's PostgreSQL pass)",
)


def database_url():
    settings = connections["default"].settings_dict
    user = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    return f"postgres://{user}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("REDIS_URL must name the Redis database the stack uses (make prod-check)")
    redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2).ping()
    return url


@pytest.fixture(scope="module")
def stack(demo_site, django_db_blocker):
    """gunicorn (production settings) behind nginx, on the test database and Redis."""
    with django_db_blocker.unblock():
        url = database_url()
    with running({"DATABASE_URL": url, "REDIS_URL": redis_url()}) as started:
        yield started


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name):
        return self.headers.get(name, "")

    def cookies(self):
        return self.headers.get_all("Set-Cookie") or []


def request(stack, path, *, method="GET", headers=None, body=None, source="127.0.0.1"):
    """One request through nginx over HTTPS, from the loopback address ``source``
    (127.0.0.0/8 is the machine's own: each address is another client for nginx)."""
    host, port = stack.url.removeprefix("https://").split(":")
    connection = http.client.HTTPSConnection(
        host, int(port), timeout=30, context=stack.ssl_context(), source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()
