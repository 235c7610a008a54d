"""Each language is searched in its own pages, with its own text-search configuration."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import content_version
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
    connection.vendor != "postgresql", reason="the admin's index uses PostgreSQL text search"
)


def test_portuguese_is_stemmed_as_portuguese(housing_pages, client):
    # "habitações" (plural) only matches "habitação" through the Portuguese stemmer.
    assert "Ajuda à habitação" in titles(client.get("/pt/search/", {"q": "habitações"}))


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


def search_queries(client, params):
    """Queries of a search after an edit (ranked, cards rendered), then of the same again
    (both kept)."""
    content_version.bump()
    with CaptureQueriesContext(connection) as fresh:
        response = client.get("/fr/search/", params)
    with CaptureQueriesContext(connection) as kept:
        client.get("/fr/search/", params)
    return response, (len(fresh), len(kept))


def test_search_page_queries_do_not_grow_with_results(site_tree, client):
    for number in range(3):
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
    client.get("/fr/search/", {"q": "budget"})
    _response, few = search_queries(client, {"q": "budget"})
    for number in range(3, 15):
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
    _response, many = search_queries(client, {"q": "budget"})
    assert many == few
    assert few[1] < few[0]


def test_search_page_queries_do_not_depend_on_the_page_shown(site_tree, client):
    for number in range(45):
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
    client.get("/fr/search/", {"q": "budget"})
    counts = []
    for page in (1, 2, 3):
        response, count = search_queries(client, {"q": "budget", "page": page})
        assert len(response.context["results_page"].object_list) == (20 if page < 3 else 5)
        counts.append(count)
    assert counts[0] == counts[1] == counts[2]


def test_suggestions_are_per_language(housing_pages, client):
    def suggested(language, text):
        data = client.get(f"/{language}/search/suggest/", {"q": text}).json()
        return [s["title"] for s in data["suggestions"]]

    assert suggested("fr", "loge") == ["Aide au logement"]
    assert suggested("pt", "loge") == []
    assert suggested("pt", "habit") == ["Ajuda à habitação"]
    assert suggested("fr", "habit") == []


def index_queries(queries):
    return [q["sql"] for q in queries if "search_searchdocument" in q["sql"]]


def test_a_repeated_search_reuses_its_results_until_an_edit(site_tree, client):
    first = ServicePageFactory(parent=site_tree.directory, title="Permanence budget")
    with CaptureQueriesContext(connection) as asked:
        assert titles(client.get("/fr/search/", {"q": "budget"})) == ["Permanence budget"]
    with CaptureQueriesContext(connection) as again:
        assert titles(client.get("/fr/search/", {"q": "budget"})) == ["Permanence budget"]
    assert index_queries(asked.captured_queries)
    assert not index_queries(again.captured_queries)

    second = ServicePageFactory(parent=site_tree.directory, title="Conseil budget familial")
    assert set(titles(client.get("/fr/search/", {"q": "budget"}))) == {
        "Permanence budget",
        "Conseil budget familial",
    }
    first.unpublish()
    assert titles(client.get("/fr/search/", {"q": "budget"})) == [second.title]
