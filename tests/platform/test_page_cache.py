"""Whole pages kept for anonymous residents (core.page_cache): reused, never older than an
edit or a minute, never given to or taken from editors, kiosks, forms or another address."""

import datetime
import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.middleware.csrf import get_token
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import content_version, page_cache
from home.models import HomePage
from kiosk.factories import KioskProfileFactory
from kiosk.middleware import COOKIE_NAME as KIOSK_COOKIE
from localization.sync import synchronise_all_trees
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory, ThemePageFactory
from taxonomy.factories import ThemeFactory
from tests.conftest import once_per_module, read_again

# Time stands still unless a test moves it (``at``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

# A Monday, in the site's time zone; the place below opens 9:00–12:00 and 13:30–17:00.
MONDAY = datetime.date(2026, 11, 23)
OPEN = "status--open"
URL = "/fr/services/permanence-logement/"


def at(hour, minute, second=0):
    return timezone.make_aware(
        datetime.datetime.combine(MONDAY, datetime.time(hour, minute, second))
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def place(module_service, site_tree):
    return read_again(module_service["place"])


@pytest.fixture
def service(module_service, site_tree):
    return read_again(module_service["service"])


@once_per_module
def module_service(site_tree):
    place = PlaceFactory(locale=site_tree.locale, name="Antenne des Avanchets", commune="Vernier")
    service = ServicePageFactory(
        parent=site_tree.directory,
        title="Permanence logement",
        slug="permanence-logement",
        easy_read_summary="Vous avez un problème de logement. On vous aide.",
        places=[place],
    )
    return {"place": place, "service": service}


def get(client, url=URL, **extra):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response, len(queries.captured_queries)


def kept_pages():
    """How many pages the local-memory cache holds."""
    return sum(":page:" in key for key in cache._cache)


def test_a_page_is_kept_and_served_again_without_a_query(service, client):
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert "Permanence logement" in second.content.decode()
    assert kept_pages() == 1


def test_a_kept_page_carries_the_same_headers(service, client):
    """Security headers, language and Vary are added to every response, kept or not."""
    first, _queries = get(client)
    second, queries = get(client)
    assert queries == 0
    assert dict(second.headers) == dict(first.headers)
    assert "script-src 'self'" in second["Content-Security-Policy"]
    assert second["Content-Language"] == "fr"
    assert "Cookie" in second["Vary"]


def test_every_resident_page_type_is_kept(service, site_tree, client):
    for url in ["/fr/", "/fr/services/", "/fr/services/?theme=logement", URL]:
        get(client, url)
        _response, queries = get(client, url)
        assert queries == 0, url


def test_a_published_edit_shows_on_the_next_request(service, client):
    get(client)
    service.title = "Permanence logement et énergie"
    service.save_revision().publish()
    response, queries = get(client)
    assert queries > 0
    assert "Permanence logement et énergie" in response.content.decode()


def test_an_edited_place_shows_on_the_next_request(service, place, client):
    get(client)
    place.name = "Maison de quartier des Libellules"
    place.save()
    html = get(client)[0].content.decode()
    assert "Maison de quartier des Libellules" in html
    assert "Antenne des Avanchets" not in html


def test_open_now_is_never_older_than_a_minute(service, client, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(11, 59, 5))
    assert OPEN in get(client)[0].content.decode()
    monkeypatch.setattr(timezone, "now", lambda: at(11, 59, 55))
    response, queries = get(client)
    assert queries == 0
    assert OPEN in response.content.decode()
    monkeypatch.setattr(timezone, "now", lambda: at(12, 0, 5))
    response, queries = get(client)
    assert queries > 0
    html = response.content.decode()
    assert OPEN not in html
    assert "13:30" in html


def test_languages_hosts_and_query_strings_have_their_own_pages(service, client):
    synchronise_all_trees()
    addresses = [
        (URL, {}),
        (URL.replace("/fr/", "/en/"), {}),
        (URL + "?easy=1", {}),
        (URL, {"HTTP_HOST": "127.0.0.1"}),
    ]
    first = [get(client, url, **extra)[0].content.decode() for url, extra in addresses]
    second = [get(client, url, **extra) for url, extra in addresses]
    assert [queries for _response, queries in second] == [0, 0, 0, 0]
    assert [response.content.decode() for response, _queries in second] == first
    assert kept_pages() == 4
    french, english, easy_first, other_host = first
    assert '<html lang="fr"' in french
    assert '<html lang="en"' in english
    assert 'href="?easy=1"' in french
    assert 'href="?"' in easy_first
    assert 'href="http://testserver/en/' in french
    assert 'href="http://127.0.0.1/en/' in other_host
    assert "http://testserver/" not in other_host


def test_an_editor_is_never_given_a_kept_page_nor_leaves_one(service, admin_client, client):
    _response, queries = get(admin_client)
    assert queries > 0
    assert kept_pages() == 0
    get(client)
    assert get(client)[1] == 0
    _response, queries = get(admin_client)
    assert queries > 0


def test_a_preview_is_never_given_a_kept_page_nor_leaves_one(service, client):
    get(client, HTTP_HOST="localhost")
    draft = service.get_latest_revision_as_object()
    draft.title = "Brouillon pas encore publié"
    preview = draft.make_preview_request().content.decode()
    assert "Brouillon pas encore publié" in preview
    html = get(client, HTTP_HOST="localhost")[0].content.decode()
    assert "Brouillon" not in html


@pytest.fixture
def kiosk_client(site_tree, place):
    kiosk = Client()
    profile = KioskProfileFactory(place=place, slug="avanchets")
    assert KIOSK_COOKIE in kiosk.get(profile.enrolment_url()).cookies
    return kiosk


def test_a_kiosk_is_never_given_a_kept_page_nor_leaves_one(service, client, kiosk_client):
    response, queries = get(kiosk_client)
    assert queries > 0
    assert "is-kiosk" in response.content.decode()
    assert kept_pages() == 0
    get(client)
    response, queries = get(kiosk_client)
    assert queries > 0
    assert "is-kiosk" in response.content.decode()
    assert "is-kiosk" not in get(client)[0].content.decode()


def test_an_unknown_cookie_means_no_kept_page(service, client):
    get(client)
    client.cookies[KIOSK_COOKIE] = "tampered"
    assert get(client)[1] > 0
    client.cookies.pop(KIOSK_COOKIE)
    client.cookies["sessionid"] = "whatever"
    assert get(client)[1] > 0


def test_the_csrf_and_language_cookies_do_not_prevent_keeping(service, client):
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["proxima_language"] = "en"
    get(client)
    assert get(client)[1] == 0


def test_forms_search_and_suggestions_are_never_kept(service, client):
    for url in [
        "/fr/report-a-problem/?page=/fr/",
        "/fr/search/?q=logement",
        "/fr/search/suggest/?q=loge",
    ]:
        get(client, url)
        response, _queries = get(client, url)
        assert "no-store" in response["Cache-Control"], url
    assert kept_pages() == 0


def test_sensitive_pages_are_kept_by_no_cache(site_tree, place, client):
    """Violence services and their theme: neither here nor in the browser, nor a proxy."""
    theme = ThemeFactory(locale=site_tree.locale, slug="violences", is_sensitive=True)
    theme_page = ThemePageFactory(parent=site_tree.home, theme=theme, slug="violences")
    service = ServicePageFactory(
        parent=site_tree.directory, places=[place], themes=[theme], is_sensitive=True
    )
    for url in [service.url, theme_page.url]:
        get(client, url)
        response, queries = get(client, url)
        assert queries > 0, url
        assert "no-store" in response["Cache-Control"], url
    assert kept_pages() == 0
    assert "Cache-Control" not in get(client, "/fr/")[0], "ordinary pages have no such header"


def test_a_page_using_the_csrf_token_is_not_kept(site_tree, client, monkeypatch):
    context = HomePage.get_context

    def with_token(self, request, *args, **kwargs):
        get_token(request)
        return context(self, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "get_context", with_token)
    response, _queries = get(client, "/fr/")
    assert "csrftoken" in response.cookies
    assert kept_pages() == 0
    assert get(client, "/fr/")[1] > 0


def test_a_page_reading_the_session_is_not_kept(site_tree, client, monkeypatch):
    context = HomePage.get_context

    def with_session(self, request, *args, **kwargs):
        request.session.get("seen")
        return context(self, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "get_context", with_session)
    get(client, "/fr/")
    assert kept_pages() == 0


def test_a_page_setting_a_cookie_is_not_kept(site_tree, client, monkeypatch):
    serve = HomePage.serve

    def with_cookie(self, request, *args, **kwargs):
        response = serve(self, request, *args, **kwargs)
        response.set_cookie("seen", "1")
        return response

    monkeypatch.setattr(HomePage, "serve", with_cookie)
    assert "seen" in get(client, "/fr/")[0].cookies
    assert kept_pages() == 0


class FailingCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache unreachable")

        return fail


def test_a_failing_cache_means_pages_rendered_every_time(service, client, monkeypatch):
    monkeypatch.setattr(page_cache, "cache", FailingCache())
    for _ in range(2):
        response, queries = get(client)
        assert queries > 0
        assert "Permanence logement" in response.content.decode()


def test_a_failing_content_version_means_pages_rendered_every_time(service, client, monkeypatch):
    monkeypatch.setattr(content_version, "current", FailingCache().current)
    get(client)
    assert get(client)[1] > 0


REDIS_DOWN = {
    "default": {
        # Production's settings (config/settings/production.py), a server that is not there.
        "BACKEND": "core.redis_cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
}


def test_a_redis_outage_means_pages_rendered_every_time(service, client):
    with override_settings(CACHES=REDIS_DOWN):
        for _ in range(2):
            response, queries = get(client)
            assert queries > 0
            assert "Permanence logement" in response.content.decode()


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis server at REDIS_URL")
def test_pages_are_kept_in_redis(service, client):
    redis = {**REDIS_DOWN["default"], "LOCATION": os.environ["REDIS_URL"]}
    with override_settings(CACHES={"default": {**redis, "KEY_PREFIX": "proxima-tests"}}):
        content_version.bump()
        first, _queries = get(client)
        second, queries = get(client)
        assert queries == 0
        assert second.content == first.content
        service.title = "Permanence logement et énergie"
        service.save_revision().publish()
        assert "Permanence logement et énergie" in get(client)[0].content.decode()


def test_the_page_cache_must_be_the_last_middleware(settings):
    assert page_cache.check_middleware_order(None) == []
    settings.MIDDLEWARE = [page_cache.MIDDLEWARE, *settings.MIDDLEWARE[:-1]]
    assert [error.id for error in page_cache.check_middleware_order(None)] == ["core.E001"]
