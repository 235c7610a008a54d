"""Wagtail's pages API, hardened: 400 for bad input, capped search, constant queries,
named relations, no untranslated copies, throttled anonymous use."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from localization.sync import synchronise_all_trees
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory
from taxonomy.factories import ThemeFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db

SERVICES = "/api/v2/pages/?type=services_directory.ServicePage"


@pytest.fixture
def services(module_services, site_tree):
    return read_again(module_services)


@once_per_module
def module_services(site_tree):
    theme = ThemeFactory(name="Logement", slug="logement")
    place = PlaceFactory(name="Pôle social", commune="Vernier")
    return [
        ServicePageFactory(
            parent=site_tree.directory, title=f"Permanence {n}", themes=[theme], places=[place]
        )
        for n in range(3)
    ]


BAD_PARAMETERS = [
    "offset=abc",
    "offset=-4",
    "limit=abc",
    "search_operator=xor&search=aide",
    "order=nonexistent",
    "last_reviewed=notadate&type=services_directory.ServicePage",
    "is_suspended=maybe&type=services_directory.ServicePage",
    "title=%00",
    "search=%00aide",
    "type=nope.Nope",
    "fields=nonexistent",
]


@pytest.mark.parametrize("query", BAD_PARAMETERS)
def test_bad_parameters_are_a_400_with_a_message(services, client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400, response.content
    assert "message" in response.json()


def test_a_search_of_300_words_is_capped_like_residents_search(services, client):
    words = " ".join(f"mot{n}" for n in range(300))
    response = client.get("/api/v2/pages/", {"search": words})
    assert response.status_code == 200
    assert client.get("/api/v2/pages/", {"search": "Permanence"}).json()["meta"]["total_count"]


def test_relations_are_named_not_bare_ids(services, client):
    item = client.get(f"{SERVICES}&fields=themes,service_places").json()["items"][0]
    assert item["themes"] == [
        {"id": services[0].themes.get().pk, "name": "Logement", "slug": "logement"}
    ]
    assert item["service_places"][0]["commune"] == "Vernier"


def test_a_listing_costs_the_same_queries_for_3_or_30_services(services, site_tree, client):
    def queries():
        client.get(f"{SERVICES}&fields=*&limit=100")  # what every listing keeps, kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{SERVICES}&fields=*&limit=100").status_code == 200
        return len(captured)

    few = queries()
    theme = ThemeFactory(name="Dettes", slug="dettes")
    for n in range(27):
        ServicePageFactory(parent=site_tree.directory, title=f"Conseil {n}", themes=[theme])
    assert queries() == few


def test_untranslated_copies_are_not_listed_as_pages_of_another_language(services, client):
    synchronise_all_trees()
    assert client.get("/api/v2/pages/?locale=ti").json()["meta"]["total_count"] == 0
    assert client.get(f"{SERVICES}&locale=fr").json()["meta"]["total_count"] == 3


def test_anonymous_use_is_throttled(services, client):
    cache.clear()  # other tests' calls from the same address
    with override_settings(API_ANON_RATE="3/minute"):
        statuses = [client.get("/api/v2/pages/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
