"""The resident search's own index: analysed terms found through the database's
full-text index, scored the same way on SQLite and PostgreSQL."""

import pytest
from wagtail.models import Locale, Page

from search import engine, store, views
from search.models import SearchDocument
from search.query import Question
from services_directory.factories import ServicePageFactory
from tests.conftest import once_per_module, read_again

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
def pages(module_pages, site_tree):
    return read_again(module_pages)


@once_per_module
def module_pages(site_tree):
    return [ServicePageFactory(parent=site_tree.directory, title=title) for title in TITLES]


def french_pages():
    return Page.objects.live().public().filter(locale=Locale.objects.get(language_code="fr"))


def found(text):
    """What narrowing a list by ``text`` keeps (the directory's keyword box)."""
    question = Question.parse(text, "fr")
    result = engine.narrow(french_pages(), question, french_pages().first().locale_id)
    return {Page.objects.get(pk=pk).title for pk in result.ids}


def test_every_published_page_has_its_document(pages):
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) >= {p.pk for p in pages}


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("logement", {"Aide au logement", "Aide aux impôts et au logement", "Logement d'urgence"}),
        ("logements", {"Aide au logement", "Aide aux impôts et au logement", "Logement d'urgence"}),
        ("IMPOTS", {"Permanence impôts", "Aide aux impôts et au logement"}),
        ("aide logement", {"Aide au logement", "Aide aux impôts et au logement"}),
        ("rien", set()),
    ],
)
def test_words_match_in_every_form_and_every_word_first(pages, text, titles):
    assert found(text) == titles


def test_any_word_when_no_page_has_them_all(pages):
    assert found("juridique urgence") == {"Consultation juridique", "Logement d'urgence"}


def test_the_search_page_adds_pages_with_some_words_after_those_with_all(pages):
    question = Question.parse("aide logement", "fr")
    ids = engine.find(french_pages(), question, pages[0].locale_id).ids
    titles = [Page.objects.get(pk=pk).title for pk in ids]
    assert set(titles[:2]) == {"Aide au logement", "Aide aux impôts et au logement"}
    assert "Logement d'urgence" in titles[2:]


def test_candidates_are_capped_keeping_the_best(pages, monkeypatch):
    monkeypatch.setattr(store, "MAX_CANDIDATES", 2)
    question = Question.parse("logement", "fr")
    ids = store.candidate_ids(french_pages(), question.alternatives(), True)
    assert len(ids) == 2
    assert Page.objects.get(pk=ids[0]).title in {"Aide au logement", "Logement d'urgence"}


def test_many_results_are_cut_with_a_hint(pages, client, monkeypatch):
    monkeypatch.setattr(views, "MAX_RESULTS", 2)
    response = client.get("/fr/search/", {"q": "logement"})
    assert response.context["results_page"].paginator.count == 2
    assert response.context["too_many"]
    assert "ajoutez un mot pour affiner votre recherche" in response.content.decode()


def suggested(text):
    pages = engine.autocomplete(french_pages(), Question.parse(text, "fr"), 8)
    return sorted(page.title for page in pages)


def test_autocomplete_matches_word_starts_only(pages):
    assert suggested("impô") == ["Aide aux impôts et au logement", "Permanence impôts"]
    assert suggested("mpôts") == []
    assert suggested("aide loge") == ["Aide au logement", "Aide aux impôts et au logement"]
