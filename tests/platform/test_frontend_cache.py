"""Publishing purges the front cache: a local endpoint records the PURGE requests.

The tree: French and English home and directory; theme pages « Logement » and « Seniors »
(English aliases); the service « Aide au logement » (under « Logement », with its English
alias) and another service under « Seniors ».
"""

import logging
import time
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale

from config.environment import frontend_cache_backends
from core import frontend_cache
from services_directory.factories import ServicePageFactory, ThemePageFactory
from taxonomy.factories import ThemeFactory
from tests.conftest import once_per_module, read_again
from tests.faults import closed_port, recording_server, silent_server

SERVICE_IN_EVERY_LANGUAGE = {
    "http://localhost/fr/services/aide-au-logement/",
    "http://localhost/en/services/aide-au-logement/",
}
DIRECTORIES = {"http://localhost/fr/services/", "http://localhost/en/services/"}
HOUSING_PAGES = {"http://localhost/fr/logement/", "http://localhost/en/logement/"}
SENIORS_PAGES = {"http://localhost/fr/seniors/", "http://localhost/en/seniors/"}


@pytest.fixture
def pages(module_pages, site_tree):
    return read_again(module_pages)


@once_per_module
def module_pages(site_tree):
    english, _created = Locale.objects.get_or_create(language_code="en")
    site_tree.home.copy_for_translation(english).save_revision().publish()
    site_tree.directory.copy_for_translation(english).save_revision().publish()
    housing = ThemeFactory(locale=site_tree.locale, name="Logement", slug="logement")
    seniors = ThemeFactory(locale=site_tree.locale, name="Seniors", slug="seniors")
    for theme in (housing, seniors):
        theme_page = ThemePageFactory(parent=site_tree.home, theme=theme, slug=theme.slug)
        theme_page.copy_for_translation(english, alias=True)
    service = ServicePageFactory(
        parent=site_tree.directory,
        title="Aide au logement",
        slug="aide-au-logement",
        themes=[housing],
    )
    service.copy_for_translation(english, alias=True)
    club = ServicePageFactory(parent=site_tree.directory, slug="club-seniors", themes=[seniors])
    return SimpleNamespace(service=service, club=club, housing=housing)


@pytest.fixture
def purges(monkeypatch):
    """The background threads the purges run in, to wait for them."""
    threads = []
    start = frontend_cache.purge_in_background

    def recorded(urls):
        threads.append(start(urls))
        return threads[-1]

    monkeypatch.setattr(frontend_cache, "purge_in_background", recorded)
    return threads


@pytest.fixture
def front_cache(settings):
    def configure(url, timeout=2):
        settings.WAGTAILFRONTENDCACHE = frontend_cache_backends(
            {"FRONTEND_CACHE_URL": url}, timeout=timeout
        )

    return configure


def purged(server, threads):
    for thread in threads:
        thread.join(timeout=10)
    return [f"http://{request['headers']['Host']}{request['path']}" for request in server.received]


def test_publishing_a_service_purges_it_and_its_listings_in_every_language(
    pages, purges, front_cache, django_capture_on_commit_callbacks
):
    with recording_server() as server:
        front_cache(f"http://127.0.0.1:{server.port}")
        with django_capture_on_commit_callbacks(execute=True):
            pages.service.save_revision().publish()
        urls = purged(server, purges)
    assert sorted(urls) == sorted(SERVICE_IN_EVERY_LANGUAGE | DIRECTORIES | HOUSING_PAGES)
    assert {request["method"] for request in server.received} == {"PURGE"}


def test_a_service_moved_to_another_theme_leaves_the_pages_of_both(
    pages, purges, front_cache, django_capture_on_commit_callbacks
):
    """The club (French only, no alias) moves from « Seniors » to « Logement »."""
    pages.club.themes.set([pages.housing])
    with recording_server() as server:
        front_cache(f"http://127.0.0.1:{server.port}")
        with django_capture_on_commit_callbacks(execute=True):
            pages.club.save_revision().publish()
        urls = purged(server, purges)
    assert sorted(urls) == sorted(
        {"http://localhost/fr/services/club-seniors/", "http://localhost/fr/services/"}
        | HOUSING_PAGES
        | SENIORS_PAGES
    )


def test_unpublishing_a_service_purges_the_same_pages(
    pages, purges, front_cache, django_capture_on_commit_callbacks
):
    with recording_server() as server:
        front_cache(f"http://127.0.0.1:{server.port}")
        with django_capture_on_commit_callbacks(execute=True):
            pages.service.unpublish()
        urls = purged(server, purges)
    assert sorted(urls) == sorted(SERVICE_IN_EVERY_LANGUAGE | DIRECTORIES | HOUSING_PAGES)


def test_without_a_front_cache_publishing_purges_nothing(
    pages, purges, settings, django_capture_on_commit_callbacks
):
    assert frontend_cache_backends({}) == {}
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        pages.service.save_revision().publish()
    assert purges == []


def test_a_front_cache_that_refuses_never_fails_publishing(
    pages, purges, front_cache, caplog, django_capture_on_commit_callbacks
):
    front_cache(f"http://127.0.0.1:{closed_port()}")
    with caplog.at_level(logging.WARNING, logger="core.frontend_cache"):
        with django_capture_on_commit_callbacks(execute=True):
            pages.service.title = "Aide au logement et à l’énergie"
            pages.service.save_revision().publish()
        for thread in purges:
            thread.join(timeout=5)
    assert purges and not any(thread.is_alive() for thread in purges)
    pages.service.refresh_from_db()
    assert pages.service.live and pages.service.title == "Aide au logement et à l’énergie"
    # One refusal ends the batch of the service's 6 addresses.
    [warning] = [
        record.getMessage() for record in caplog.records if record.name == "core.frontend_cache"
    ]
    assert "Front cache unreachable" in warning and "6 address(es) not purged" in warning


def test_a_silent_front_cache_holds_neither_the_editor_nor_the_thread_for_long(
    pages, purges, front_cache, caplog, django_capture_on_commit_callbacks
):
    with silent_server() as server, caplog.at_level(logging.WARNING):
        front_cache(f"http://127.0.0.1:{server.port}", timeout=1)
        with django_capture_on_commit_callbacks(execute=True):
            pages.service.save_revision().publish()
        # The editor was answered while the purge still waits for the cache.
        assert purges and purges[0].is_alive()
        started = time.monotonic()
        purges[0].join(timeout=5)
        assert not purges[0].is_alive() and time.monotonic() - started < 2
        assert server.connections() == 1  # one timeout for the whole batch
    assert "Front cache unreachable" in caplog.text


def test_front_cache_settings_from_the_environment():
    backends = frontend_cache_backends(
        {
            "FRONTEND_CACHE_URL": "http://127.0.0.1:6081",
            "CLOUDFLARE_ZONE_ID": "zone",
            "CLOUDFLARE_API_TOKEN": "token",
            "FRONTEND_CACHE_HOSTNAMES": "social.example.ch, www.social.example.ch",
        },
        timeout=3,
    )
    assert backends["proxy"]["BACKEND"] == "core.frontend_cache.HTTPBackend"
    assert backends["proxy"]["TIMEOUT"] == 3
    assert backends["cloudflare"]["ZONEID"] == "zone"
    assert backends["cloudflare"]["BEARER_TOKEN"] == "token"
    for backend in backends.values():
        assert backend["HOSTNAMES"] == ["social.example.ch", "www.social.example.ch"]
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_backends({"FRONTEND_CACHE_URL": "varnish:6081"})
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_backends({"CLOUDFLARE_ZONE_ID": "zone"})
