"""Editors manage needs and residents' words in the admin, in each item's own language."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import AccessModeFactory, NeedFactory, ThemeFactory
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, Need, SpokenLanguage, Theme
from tests.content_model.service_form import service_form_data

pytestmark = pytest.mark.django_db

TAXONOMIES = [Theme, Need, Audience, AccessMode, SpokenLanguage, AccessibilityFeature]


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    return client


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def add_url(model):
    return f"/admin/snippets/taxonomy/{model._meta.model_name}/add/"


@pytest.mark.parametrize("model", TAXONOMIES, ids=lambda model: model.__name__)
def test_every_taxonomy_form_has_residents_words(admin_client, model):
    response = admin_client.get(add_url(model))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="keywords"' in content
    # The admin speaks French here: the help text comes from the French catalogue.
    assert "Un mot ou une expression par ligne" in content


def test_editor_creates_a_need_with_its_theme_and_words(site_tree, member_of, client):
    housing = ThemeFactory(name="Accès au logement", slug="acces-au-logement")
    client.force_login(member_of("Editors"))
    response = client.post(
        add_url(Need) + "?locale=fr",
        {
            "name": "Menace d’expulsion de son logement",
            "slug": "expulsion-locative",
            "theme": housing.pk,
            "description": "",
            "keywords": "huissier\nloyer impayé\r\nexpulsion",
            "sort_order": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    need = Need.objects.get(slug="expulsion-locative")
    assert need.locale.language_code == "fr"
    assert need.theme == housing
    assert need.keywords.splitlines() == ["huissier", "loyer impayé", "expulsion"]
    assert list(housing.needs.all()) == [need]


def test_a_need_takes_a_theme_of_its_own_language(admin_client, english):
    french_theme = ThemeFactory(name="Accès au logement", slug="acces-au-logement")
    english_theme = ThemeFactory(name="Housing", slug="housing", locale=english)
    need = {"name": "Facing eviction", "slug": "eviction", "keywords": "", "sort_order": "0"}
    response = admin_client.post(add_url(Need) + "?locale=en", {**need, "theme": french_theme.pk})
    assert response.status_code == 200
    assert not Need.objects.exists()
    response = admin_client.post(add_url(Need) + "?locale=en", {**need, "theme": english_theme.pk})
    assert response.status_code == 302
    assert Need.objects.get().theme == english_theme


def test_needs_are_listed_searched_and_filtered_by_language(admin_client, english):
    NeedFactory(name="Menace d’expulsion", slug="expulsion", keywords="huissier\nloyer impayé")
    NeedFactory(name="Facing eviction", slug="expulsion", locale=english)
    NeedFactory(name="Dettes", slug="dettes")
    listing = "/admin/snippets/taxonomy/need/"
    content = admin_client.get(listing).content.decode()
    assert "Menace d’expulsion" in content and "Dettes" in content
    for words in ("expulsion", "Menace", "huissier"):
        content = admin_client.get(listing, {"q": words}).content.decode()
        assert "Menace d’expulsion" in content and "Dettes" not in content, words
    response = admin_client.get(listing, {"locale": "en"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Facing eviction" in content and "Menace d’expulsion" not in content


def test_service_form_offers_the_needs_of_its_language_as_checkboxes(
    site_tree, admin_client, english
):
    eviction = NeedFactory(name="Menace d’expulsion", slug="expulsion")
    NeedFactory(name="Facing eviction", slug="expulsion", locale=english)
    service = ServicePageFactory(parent=site_tree.directory)
    content = admin_client.get(f"/admin/pages/{service.pk}/edit/").content.decode()
    assert f'type="checkbox" name="needs" value="{eviction.pk}"' in content
    assert "Menace d’expulsion" in content
    assert "Facing eviction" not in content
    assert '<textarea name="keywords"' in content


def test_editor_saves_a_service_with_its_needs_and_words(site_tree, admin_client):
    eviction = NeedFactory(name="Menace d’expulsion", slug="expulsion")
    data = service_form_data(ThemeFactory(), AccessModeFactory(), keywords="huissier\nloyer impayé")
    data["needs"] = [eviction.pk]
    response = admin_client.post(
        f"/admin/pages/add/services_directory/servicepage/{site_tree.directory.pk}/", data
    )
    assert response.status_code == 302
    service = ServicePage.objects.get(slug="permanence-impots", locale=site_tree.locale)
    assert list(service.needs.all()) == [eviction]
    assert service.keywords.splitlines() == ["huissier", "loyer impayé"]
    assert service in eviction.services.all()


def test_translated_service_points_at_the_needs_of_its_language(site_tree, english):
    french_need = NeedFactory(name="Menace d’expulsion", slug="expulsion")
    english_need = french_need.copy_for_translation(english)
    english_need.name = "Facing eviction"
    english_need.save()
    service = ServicePageFactory(parent=site_tree.directory)
    service.needs.set([french_need])
    service.save_revision().publish()
    english_home = site_tree.home.copy_for_translation(english)
    english_home.save_revision().publish()
    site_tree.directory.copy_for_translation(english).save_revision().publish()

    translated = service.copy_for_translation(english)
    translated.save_revision().publish()

    translated.refresh_from_db()
    assert list(translated.needs.all()) == [english_need]
    assert list(service.needs.all()) == [french_need]


def test_the_api_gives_a_services_words_and_needs(site_tree, client):
    need = NeedFactory(name="Menace d’expulsion", slug="expulsion")
    service = ServicePageFactory(parent=site_tree.directory)
    service.keywords = "huissier\nloyer impayé"
    service.needs.set([need])
    service.save_revision().publish()
    response = client.get(f"/api/v2/pages/{service.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["keywords"] == "huissier\nloyer impayé"
    assert [item["id"] for item in data["needs"]] == [need.pk]
