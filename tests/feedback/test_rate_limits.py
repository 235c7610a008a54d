"""The residents' forms' rate limits: whose address counts (a forwarded one only from a
listed proxy), where counts are kept (the shared cache, the database when Redis fails or
when there is none: never lifted), and that one client is limited alone."""

import datetime
import os
import uuid
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone

from config.environment import trusted_proxies
from core.client_address import check_proxy_settings, client_address
from core.redis_cache import RedisCache
from feedback import ratelimit
from feedback.models import ProblemReport, RateLimitCount
from tests.faults import closed_port, silent_server

URL = "/fr/report-a-problem/"
VALID = {"message": "Les horaires du lundi sont faux.", "contact": "", "page_path": ""}
LIMIT = ratelimit.REPORTS_PER_WINDOW


def address(remote, **headers):
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))


# Whose address ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "remote", "expected"),
    [
        ([], "192.0.2.50", "192.0.2.50"),  # no proxy trusted: never the header
        (["10.0.0.1"], "192.0.2.50", "192.0.2.50"),  # a visitor who sends it themselves
        (["10.0.0.1"], "10.0.0.1", "203.0.113.1"),  # the listed proxy
        (["10.0.0.0/8"], "10.20.30.40", "203.0.113.1"),  # a listed network
        (["10.0.0.0/8"], "11.0.0.1", "11.0.0.1"),
        (["::1"], "::1", "203.0.113.1"),
        (["127.0.0.1"], "::ffff:127.0.0.1", "203.0.113.1"),  # IPv4 written as IPv6
    ],
)
def test_the_forwarded_header_is_believed_only_from_a_listed_proxy(
    settings, proxies, remote, expected
):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = proxies
    assert address(remote, HTTP_X_REAL_IP="203.0.113.1") == expected


def test_a_forwarded_list_is_read_from_the_right_past_the_trusted_proxies(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The visitor wrote the first address; the proxies appended the others.
    forwarded = "198.51.100.9, 203.0.113.1, 10.0.0.2"
    assert address("10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded) == "203.0.113.1"


@pytest.mark.parametrize("header", ["", "not an address", "203.0.113.1, nonsense"])
def test_an_unreadable_header_from_the_proxy_means_the_connections_address(settings, header):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    assert address("10.0.0.1", HTTP_X_REAL_IP=header) == "10.0.0.1"


def test_trusted_proxies_are_read_from_the_environment():
    assert trusted_proxies(" 10.0.0.0/8, ::1,192.0.2.7/24 ,") == [
        "10.0.0.0/8",
        "::1/128",
        "192.0.2.0/24",
    ]
    assert trusted_proxies("") == []
    with pytest.raises(ImproperlyConfigured, match=r"proxy\.example"):
        trusted_proxies("10.0.0.1, proxy.example")


def test_half_a_proxy_configuration_is_warned_about(settings):
    settings.CLIENT_IP_HEADER, settings.TRUSTED_PROXIES = "HTTP_X_REAL_IP", []
    assert [warning.id for warning in check_proxy_settings(None)] == ["core.W001"]
    settings.CLIENT_IP_HEADER, settings.TRUSTED_PROXIES = "", ["127.0.0.1"]
    assert [warning.id for warning in check_proxy_settings(None)] == ["core.W002"]
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert check_proxy_settings(None) == []


@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP", TRUSTED_PROXIES=["10.0.0.1"])
def test_a_visitor_cannot_escape_the_limit_by_sending_the_header(client, site_tree):
    for number in range(LIMIT):
        client.post(URL, VALID, REMOTE_ADDR="192.0.2.50", HTTP_X_REAL_IP=f"203.0.113.{number}")
    over = client.post(URL, VALID, REMOTE_ADDR="192.0.2.50", HTTP_X_REAL_IP="203.0.113.99")
    assert over.status_code == 429


def test_an_ipv6_client_is_counted_by_its_network(client, site_tree):
    # A device chooses its own address in its /64: changing it is not a new client.
    for number in range(LIMIT):
        client.post(URL, VALID, REMOTE_ADDR=f"2001:db8:1:2::{number + 1}")
    assert client.post(URL, VALID, REMOTE_ADDR="2001:db8:1:2:ffff::9").status_code == 429
    assert client.post(URL, VALID, REMOTE_ADDR="2001:db8:1:3::1").status_code == 302


# Where counts are kept ----------------------------------------------------------


def test_without_a_shared_cache_counts_are_kept_in_the_database(client, site_tree):
    # The test settings' cache is each process's own, as in production without Redis.
    for _ in range(LIMIT):
        assert client.post(URL, VALID, REMOTE_ADDR="198.51.100.23").status_code == 302
    assert client.post(URL, VALID, REMOTE_ADDR="198.51.100.23").status_code == 429
    row = RateLimitCount.objects.get()
    assert row.count == LIMIT
    assert "198.51.100.23" not in str(list(RateLimitCount.objects.values().get().values()))
    assert row.key == ratelimit.client_key(RequestFactory().post(URL, REMOTE_ADDR="198.51.100.23"))


def redis_at(location):
    return {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": location,
            # Keys of this test only: the server may be shared with other tests.
            "KEY_PREFIX": f"ratelimit-{uuid.uuid4().hex}",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.3,
                "SOCKET_TIMEOUT": 0.3,
            },
        }
    }


@pytest.fixture
def refusing():
    with override_settings(CACHES=redis_at(f"redis://127.0.0.1:{closed_port()}/0")):
        yield


@pytest.fixture
def silent():
    with (
        silent_server() as server,
        override_settings(CACHES=redis_at(f"redis://127.0.0.1:{server.port}/0")),
    ):
        yield server


@pytest.mark.parametrize("redis", ["refusing", "silent"])
def test_when_redis_is_down_the_database_still_limits_each_client(request, redis, site_tree):
    request.getfixturevalue(redis)
    resident, neighbour = Client(REMOTE_ADDR="192.0.2.1"), Client(REMOTE_ADDR="192.0.2.2")
    for _ in range(LIMIT):
        assert resident.post(URL, VALID).status_code == 302
    assert resident.post(URL, VALID).status_code == 429
    assert caches["default"].breaker.is_open
    # Counted in the database, per client: the neighbour still reports.
    assert list(RateLimitCount.objects.values_list("count", flat=True)) == [LIMIT]
    assert neighbour.post(URL, VALID).status_code == 302
    assert ProblemReport.objects.count() == LIMIT + 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis server at REDIS_URL")
def test_with_redis_every_process_sees_the_same_counts(site_tree):
    settings = redis_at(os.environ["REDIS_URL"])
    resident = Client(REMOTE_ADDR="192.0.2.1")
    with override_settings(CACHES=settings):
        for _ in range(LIMIT - 1):
            assert resident.post(URL, VALID).status_code == 302
        # Another process: its own connection to the same Redis.
        other = RedisCache(settings["default"]["LOCATION"], settings["default"])
        key = ratelimit.client_key(RequestFactory().post(URL, REMOTE_ADDR="192.0.2.1"))
        assert other.get(key) == LIMIT - 1
        other.incr(key)
        assert resident.post(URL, VALID).status_code == 429
        assert Client(REMOTE_ADDR="192.0.2.2").post(URL, VALID).status_code == 302
        assert not caches["default"].breaker.is_open
    assert not RateLimitCount.objects.exists()


def test_a_window_that_is_over_starts_again_and_is_purged(db):
    key = "problem-report:" + "0" * 32
    limit = ratelimit.PROBLEM_REPORTS
    for _ in range(LIMIT):
        ratelimit.count_key(key, limit)
    assert ratelimit.key_is_limited(key, limit)
    past = timezone.now() - datetime.timedelta(seconds=limit.window_seconds + 1)
    RateLimitCount.objects.filter(key=key).update(window_start=past, expires_at=past)
    assert not ratelimit.key_is_limited(key, limit)
    ratelimit.count_key(key, limit)
    assert RateLimitCount.objects.get(key=key).count == 1
    # Another client's window that is over: gone with the daily purge, or at the next
    # client's first count.
    other = RateLimitCount.objects.create(
        key="helpful:" + "1" * 32, window_start=past, expires_at=past, count=3
    )
    call_command("purge_problem_reports", stdout=StringIO())
    assert not RateLimitCount.objects.filter(pk=other.pk).exists()
    RateLimitCount.objects.create(key=other.key, window_start=past, expires_at=past, count=3)
    ratelimit.count_key("helpful:" + "2" * 32, ratelimit.HELPFUL_ANSWERS)
    assert set(RateLimitCount.objects.values_list("key", flat=True)) == {
        key,
        "helpful:" + "2" * 32,
    }
