"""Each language is searched in its own pages, with its own text-search configuration."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [page.title for page in response.context["results_page"].object_list]


def test_french_page_is_found_in_french_not_in_portuguese(housing_pages, client):
    assert "Aide au logement" in titles(client.get("/fr/search/", {"q": "logement"}))
    assert titles(client.get("/pt/search/", {"q": "logement"})) == []


def test_portuguese_page_is_found_in_portuguese_not_in_french(housing_pages, client):
    assert "Ajuda à habitação" in titles(client.get("/pt/search/", {"q": "habitação"}))
    assert titles(client.get("/fr/search/", {"q": "habitação"})) == []


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL text search"
)


@postgres_only
def test_portuguese_is_stemmed_as_portuguese(housing_pages, client):
    # "habitações" (plural) only matches "habitação" through the Portuguese stemmer.
    assert "Ajuda à habitação" in titles(client.get("/pt/search/", {"q": "habitações"}))


@postgres_only
def test_french_is_stemmed_as_french(housing_pages, client):
    assert "Aide au logement" in titles(client.get("/fr/search/", {"q": "logements"}))


@postgres_only
def test_each_object_is_indexed_with_its_language_configuration(housing_pages):
    from wagtail.search.models import IndexEntry

    french, portuguese = housing_pages
    entries = {entry.object_id: str(entry.body) for entry in IndexEntry.objects.all()}
    # French stems "logement" to "log"; Portuguese stems "habitação" to "habit".
    assert "'log'" in entries[str(french.pk)]
    assert "'habit'" in entries[str(portuguese.pk)]


def test_search_page_queries_do_not_grow_with_results(site_tree, client):
    for number in range(3):
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
    client.get("/fr/search/", {"q": "budget"})
    with CaptureQueriesContext(connection) as few:
        client.get("/fr/search/", {"q": "budget"})
    for number in range(3, 15):
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/fr/search/", {"q": "budget"})
    assert len(many) == len(few)


def test_search_page_queries_do_not_depend_on_the_page_shown(site_tree, client):
    for number in range(45):
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
    client.get("/fr/search/", {"q": "budget"})
    counts = []
    for page in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/search/", {"q": "budget", "page": page})
        assert len(response.context["results_page"].object_list) == (20 if page < 3 else 5)
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]


def test_suggestions_are_per_language(housing_pages, client):
    def suggested(language, text):
        data = client.get(f"/{language}/search/suggest/", {"q": text}).json()
        return [s["title"] for s in data["suggestions"]]

    assert suggested("fr", "loge") == ["Aide au logement"]
    assert suggested("pt", "loge") == []
    assert suggested("pt", "habit") == ["Ajuda à habitação"]
    assert suggested("fr", "habit") == []
