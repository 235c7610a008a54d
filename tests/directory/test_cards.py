"""Service cards kept in the cache: reused, never older than an edit or a minute."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import content_version
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

# A Monday, in the site's time zone; the place below opens 9:00–12:00 and 13:30–17:00.
MONDAY = datetime.date(2026, 11, 23)
OPEN = "service-card__status--open"


def at(hour, minute, second=0):
    return timezone.make_aware(
        datetime.datetime.combine(MONDAY, datetime.time(hour, minute, second))
    )


@pytest.fixture
def place():
    return PlaceFactory(name="Antenne des Avanchets", commune="Vernier")


@pytest.fixture
def service(site_tree, place):
    return ServicePageFactory(
        parent=site_tree.directory, title="Permanence logement", places=[place]
    )


def card_queries(queries):
    """The queries that load what a card needs (its themes, for one)."""
    return [q["sql"] for q in queries if "servicepage_themes" in q["sql"]]


@pytest.mark.parametrize("path", ["directory", "search"])
@pytest.mark.usefixtures("without_page_cache", "frozen_now")
def test_a_card_is_rendered_once_then_reused(service, site_tree, client, path):
    def fetch():
        if path == "directory":
            return client.get(site_tree.directory.url)
        return client.get("/fr/search/", {"q": "logement"})

    content_version.bump()
    with CaptureQueriesContext(connection) as first:
        first_html = fetch().content.decode()
    with CaptureQueriesContext(connection) as second:
        second_html = fetch().content.decode()
    assert card_queries(first.captured_queries)
    assert not card_queries(second.captured_queries)
    assert "Permanence logement" in second_html
    assert second_html.count('class="service-card') == first_html.count('class="service-card')


def test_an_edited_service_shows_on_the_next_request(service, site_tree, client):
    client.get(site_tree.directory.url)
    client.get("/fr/search/", {"q": "logement"})
    service.title = "Permanence logement et énergie"
    service.summary = "Factures d’énergie impayées : on vous aide."
    service.save_revision().publish()
    for response in (
        client.get(site_tree.directory.url),
        client.get("/fr/search/", {"q": "logement"}),
    ):
        html = response.content.decode()
        assert "Permanence logement et énergie" in html
        assert "Factures d’énergie impayées" in html


def test_an_edited_place_shows_on_the_next_request(service, place, site_tree, client):
    assert "Antenne des Avanchets, Vernier" in client.get(site_tree.directory.url).content.decode()
    place.name = "Maison de quartier des Libellules"
    place.save()
    html = client.get(site_tree.directory.url).content.decode()
    assert "Maison de quartier des Libellules, Vernier" in html
    assert "Antenne des Avanchets" not in html


def test_a_suspension_shows_on_the_next_request(service, site_tree, client):
    assert "Suspendu temporairement" not in client.get(site_tree.directory.url).content.decode()
    service.is_suspended = True
    service.save_revision().publish()
    assert "Suspendu temporairement" in client.get(site_tree.directory.url).content.decode()


def test_a_card_is_kept_for_its_minute_only(service, site_tree, client, monkeypatch):
    """“Open now” on a card is true for the minute it was rendered in, not after."""
    monkeypatch.setattr(timezone, "now", lambda: at(11, 59, 5))
    assert OPEN in client.get(site_tree.directory.url).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: at(11, 59, 55))
    assert OPEN in client.get(site_tree.directory.url).content.decode()
    monkeypatch.setattr(timezone, "now", lambda: at(12, 0, 5))
    html = client.get(site_tree.directory.url).content.decode()
    assert OPEN not in html
    assert "13:30" in html
