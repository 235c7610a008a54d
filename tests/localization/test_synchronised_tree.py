"""Every page exists in every language; untranslated ones show French, marked as such."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from localization.sync import synchronise_all_trees
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "fr"]


def test_every_language_has_a_locale_synchronised_from_french():
    from wagtail_localize.models import LocaleSynchronization

    assert set(Locale.objects.values_list("language_code", flat=True)) >= {
        code for code, _name in settings.LANGUAGES
    }
    assert set(
        LocaleSynchronization.objects.values_list("locale__language_code", flat=True)
    ) == set(OTHER_LANGUAGES)
    assert set(
        LocaleSynchronization.objects.values_list("sync_from__language_code", flat=True)
    ) == {"fr"}


@pytest.fixture
def synchronised_service(module_synchronised_service, site_tree):
    return read_again(module_synchronised_service)


@once_per_module
def module_synchronised_service(site_tree):
    service = ServicePageFactory(
        parent=site_tree.directory, title="Permanence impôts", slug="impots"
    )
    synchronise_all_trees()
    return service


def test_a_french_page_exists_in_every_language(synchronised_service):
    copies = ServicePage.objects.filter(translation_key=synchronised_service.translation_key)
    assert set(copies.values_list("locale__language_code", flat=True)) == {"fr", *OTHER_LANGUAGES}


@pytest.mark.parametrize("language", ["en", "ar", "ta", "ti"])
def test_untranslated_page_shows_french_with_a_notice(synchronised_service, client, language):
    response = client.get(f"/{language}/services/impots/")
    assert response.status_code == 200
    content = response.content.decode()
    assert re.search(rf'<html lang="{language}" dir="(ltr|rtl)">', content)
    assert '<h1 id="service-title" lang="fr"' in content
    assert f'class="notice notice--translation" role="note" lang="{language}"' in content
    assert "Permanence impôts" in content


def test_translated_page_has_no_notice(synchronised_service, client):
    english = synchronised_service.get_translation(Locale.objects.get(language_code="en"))
    english.alias_of = None
    english.title = "Tax help desk"
    english.save_revision().publish()
    content = client.get("/en/services/impots/").content.decode()
    assert "Tax help desk" in content
    assert "notice--translation" not in content
    assert '<main id="main-content" tabindex="-1">' in content


def test_synchronising_twice_creates_nothing(synchronised_service):
    before = ServicePage.objects.count()
    synchronise_all_trees()
    assert ServicePage.objects.count() == before
