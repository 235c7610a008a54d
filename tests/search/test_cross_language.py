"""A resident finds, in their own language, services whose text exists only in French:
through the residents' words and names of the service's themes and needs in that
language. A French word typed on another language's site finds French text too."""

import pytest
from django.test import override_settings
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from config.environment import cluster_backends
from localization.sync import synchronise_all_trees
from search.documents import index_pages
from search.models import SearchDocument
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import NeedFactory, ThemeFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db


@pytest.fixture
def housing(module_housing, site_tree):
    return read_again(module_housing)


@once_per_module
def module_housing(site_tree):
    theme = ThemeFactory(name="Accès au logement", slug="logement", keywords="loyer\nhuissier")
    ukrainian = Locale.objects.get(language_code="uk")
    translated = theme.copy_for_translation(ukrainian)
    translated.name = "Житло"
    translated.keywords = "житло\nквартира\nвиселення"
    translated.save()
    need = NeedFactory(name="Menace d’expulsion", slug="expulsion", keywords="expulsion")
    service = ServicePageFactory(
        parent=site_tree.directory,
        title="Prévention des expulsions locatives",
        summary="Une conseillère vous aide à garder votre logement.",
        themes=[theme],
        publish=False,
    )
    service.needs.set([need])
    service.save_revision().publish()
    synchronise_all_trees()
    return service


def titles(client, language, text):
    response = client.get(f"/{language}/search/", {"q": text})
    return [page.title for page in response.context["results_page"].object_list]


def test_a_word_of_the_theme_in_the_visitors_language_finds_the_french_service(housing, client):
    assert titles(client, "uk", "житло") == ["Prévention des expulsions locatives"]
    assert titles(client, "uk", "квартира") == ["Prévention des expulsions locatives"]


def test_a_french_word_on_another_languages_site_finds_french_text(housing, client):
    assert titles(client, "uk", "expulsions") == ["Prévention des expulsions locatives"]
    assert titles(client, "uk", "huissier") == ["Prévention des expulsions locatives"]


def test_a_language_without_those_words_does_not_find_them(housing, client):
    # English has no translation of the theme: its French words only.
    assert titles(client, "en", "житло") == []
    assert titles(client, "en", "loyer") == ["Prévention des expulsions locatives"]


def test_the_document_of_each_copy_holds_its_languages_words(housing):
    copy = ServicePage.objects.get(
        translation_key=housing.translation_key, locale__language_code="uk"
    )
    document = SearchDocument.objects.get(page_id=copy.pk)
    assert document.content_language == "fr"
    assert {"житло", "квартира"} <= set(document.keyword_terms.split())
    assert "expuls" in document.title_terms.split()  # French text, stemmed as French


def test_editing_a_translated_term_indexes_the_pages_it_describes_again(housing, client):
    ukrainian = housing.themes.get().get_translation(Locale.objects.get(language_code="uk"))
    ukrainian.keywords += "\nорендна плата"
    ukrainian.save()
    assert titles(client, "uk", "орендна плата") == ["Prévention des expulsions locatives"]


def test_a_search_cluster_gets_the_same_words_in_the_pages_language(housing):
    backends = {
        "default": {"BACKEND": "search.backends.database"},
        **cluster_backends("http://127.0.0.1:9", "elasticsearch8", ["uk"], index="t"),
    }
    copy = ServicePage.objects.get(
        translation_key=housing.translation_key, locale__language_code="uk"
    )
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend("cluster-uk")
        document = backend.mapping_class(ServicePage).get_document(copy)
    vocabulary = next(
        value for name, value in document.items() if name.endswith("search_vocabulary_text")
    )
    assert "житло" in vocabulary


def test_documents_can_be_written_again_at_once(housing):
    SearchDocument.objects.all().delete()
    index_pages(ServicePage.objects.all())
    assert SearchDocument.objects.filter(page__locale__language_code="uk").exists()
