"""The direct index-table queries find exactly what Wagtail's own backend finds."""

import pytest
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import engine, views
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

TITLES = [
    "Aide au logement",
    "Permanence impôts",
    "Aide aux impôts et au logement",
    "Consultation juridique",
    "Logement d'urgence",
    "Seniors à domicile",
]


@pytest.fixture
def pages(site_tree):
    return [ServicePageFactory(parent=site_tree.directory, title=title) for title in TITLES]


def french_pages():
    return Page.objects.live().public().filter(locale=Locale.objects.get(language_code="fr"))


@pytest.mark.parametrize("words", [["logement"], ["aide", "logement"], ["impôts"], ["rien"]])
@pytest.mark.parametrize("operator", ["and", "or"])
def test_same_matches_as_wagtail(pages, words, operator):
    backend = get_search_backend("default")
    assert hasattr(backend, "ranked_ids"), "the database backend has a direct route"
    with translation.override("fr"):
        fast = engine.database_ranked_ids(french_pages(), words, operator, None)
        stock = [
            page.pk for page in backend.search(" ".join(words), french_pages(), operator=operator)
        ]
    assert sorted(fast) == sorted(stock)


def test_titles_rank_above_bodies(site_tree):
    in_body = ServicePageFactory(
        parent=site_tree.directory, title="Permanence", summary="Questions de logement."
    )
    in_title = ServicePageFactory(parent=site_tree.directory, title="Logement", summary="Aide.")
    with translation.override("fr"):
        ids = engine.database_ranked_ids(french_pages(), ["logement"], "and", None)
    assert ids == [in_title.pk, in_body.pk]


def test_limit_keeps_the_best(pages):
    with translation.override("fr"):
        everything = engine.database_ranked_ids(french_pages(), ["logement"], "or", None)
        best = engine.database_ranked_ids(french_pages(), ["logement"], "or", 2)
    assert len(everything) == 3
    assert best == everything[:2]


def test_many_results_are_cut_with_a_hint(pages, client, monkeypatch):
    monkeypatch.setattr(views, "MAX_RESULTS", 2)
    response = client.get("/fr/search/", {"q": "logement"})
    assert response.context["results_page"].paginator.count == 2
    assert response.context["too_many"]
    assert "ajoutez un mot pour affiner votre recherche" in response.content.decode()


def test_autocomplete_matches_word_starts_only(pages):
    with translation.override("fr"):
        titles = [page.title for page in engine.autocomplete(french_pages(), "impô", 8)]
        assert sorted(titles) == ["Aide aux impôts et au logement", "Permanence impôts"]
        assert engine.autocomplete(french_pages(), "mpôts", 8) == []
        titles = [page.title for page in engine.autocomplete(french_pages(), "aide loge", 8)]
        assert sorted(titles) == ["Aide au logement", "Aide aux impôts et au logement"]
