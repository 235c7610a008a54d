"""Every service production talks to is waited for a bounded time, set from the
environment with documented defaults (docs/deployment.md, "Timeouts and degradation")."""

import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.environment import env_seconds, postgres_timeouts
from tests.faults import silent_server

PRINT_SETTINGS = (
    "import json, config.settings.production as s; print(json.dumps({"
    "'database': s.DATABASES['default'].get('OPTIONS', {}), 'cache': s.CACHES['default'], "
    "'email': s.EMAIL_TIMEOUT, 'breaker': s.CIRCUIT_BREAKER_SECONDS, "
    "'search': s.WAGTAILSEARCH_BACKENDS['cluster-fr']['TIMEOUT']}))"
)
SERVICES = {
    "DATABASE_URL": "postgres://proxima:secret@db.example:5432/proxima",
    "REDIS_URL": "redis://cache.example:6379/0",
    "SEARCH_URL": "https://search.example:9200",
}


def production(**environment):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.endswith("TIMEOUT") and name != "CIRCUIT_BREAKER_SECONDS"
    }
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=settings.BASE_DIR,
        env={**env, "SECRET_KEY": "x" * 50, **SERVICES, **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def production_settings(**environment):
    result = production(**environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults_bound_every_service():
    found = production_settings()
    assert found["database"] == {"connect_timeout": 5, "options": "-c statement_timeout=30000"}
    assert found["cache"]["BACKEND"] == "core.redis_cache.RedisCache"
    options = found["cache"]["OPTIONS"]
    assert (options["SOCKET_CONNECT_TIMEOUT"], options["SOCKET_TIMEOUT"]) == (0.5, 0.5)
    assert options["IGNORE_EXCEPTIONS"] is True
    assert (found["email"], found["search"], found["breaker"]) == (10, 2, 30)


def test_each_timeout_comes_from_the_environment():
    found = production_settings(
        DATABASE_URL=SERVICES["DATABASE_URL"] + "?options=-c%20search_path%3Dproxima",
        DATABASE_CONNECT_TIMEOUT="3",
        DATABASE_STATEMENT_TIMEOUT="0",
        REDIS_CONNECT_TIMEOUT="0.2",
        REDIS_TIMEOUT="0.25",
        EMAIL_TIMEOUT="4",
        SEARCH_TIMEOUT="1.5",
        CIRCUIT_BREAKER_SECONDS="60",
    )
    # DATABASE_STATEMENT_TIMEOUT=0: no limit (a long migration), options given kept.
    assert found["database"] == {"connect_timeout": 3, "options": "-c search_path=proxima"}
    options = found["cache"]["OPTIONS"]
    assert (options["SOCKET_CONNECT_TIMEOUT"], options["SOCKET_TIMEOUT"]) == (0.2, 0.25)
    assert (found["email"], found["search"], found["breaker"]) == (4, 1.5, 60)


def test_a_wrong_timeout_stops_start_up_with_a_clear_error():
    result = production(EMAIL_TIMEOUT="ten")
    assert result.returncode != 0
    assert "EMAIL_TIMEOUT must be a number of seconds, not 'ten'" in result.stderr


@pytest.mark.parametrize("value", ["-1", "soon"])
def test_env_seconds_refuses_what_is_not_a_duration(monkeypatch, value):
    monkeypatch.setenv("SOME_TIMEOUT", value)
    with pytest.raises(ImproperlyConfigured):
        env_seconds("SOME_TIMEOUT", 1)


def test_postgres_connect_timeout_is_whole_seconds_at_least_libpqs_minimum():
    assert postgres_timeouts({}, connect=0.5, statement=0.25) == {
        "connect_timeout": 2,
        "options": "-c statement_timeout=250",
    }


def test_a_silent_database_server_is_given_up_after_the_connect_timeout():
    with silent_server() as server:
        options = postgres_timeouts({}, connect=2, statement=0)
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(host="127.0.0.1", port=server.port, dbname="proxima", **options)
        assert server.connections() >= 1


@pytest.mark.skipif(
    os.environ.get("TEST_DATABASE") != "postgres", reason="needs the PostgreSQL server"
)
@pytest.mark.django_db
def test_postgresql_cancels_a_statement_over_the_limit():
    from django.db import connection

    params = {**connection.get_connection_params(), **postgres_timeouts({}, 2, statement=0.2)}
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as database, database.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "200ms"
        with pytest.raises(psycopg.errors.QueryCanceled):
            cursor.execute("SELECT pg_sleep(5)")
