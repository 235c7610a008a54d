"""Every picker offers the edited page's or snippet's own language, and refuses others."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Locale

from localization.translate import translate_object
from places.factories import OrganisationFactory, PlaceFactory
from places.models import Place
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import (
    AccessibilityFeatureFactory,
    AccessModeFactory,
    AudienceFactory,
    NeedFactory,
    SpokenLanguageFactory,
    ThemeFactory,
)
from tests.content_model.service_form import service_form_data

pytestmark = pytest.mark.django_db

# The service form's pickers and the factory of what they offer.
PICKERS = {
    "themes": ThemeFactory,
    "needs": NeedFactory,
    "audiences": AudienceFactory,
    "access_modes": AccessModeFactory,
    "spoken_languages": SpokenLanguageFactory,
}


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    return client


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def in_english(client, method, url, data=None):
    with translation.override("en"):
        return getattr(client, method)(url, data, HTTP_ACCEPT_LANGUAGE="en")


def add_service_url(directory):
    return f"/admin/pages/add/services_directory/servicepage/{directory.pk}/"


def field_errors(response, name):
    with translation.override("en"):
        return " ".join(str(error) for error in response.context["form"].errors.get(name, []))


def test_a_new_service_offers_only_french_choices(site_tree, admin_client, english):
    offered, hidden = {}, {}
    for name, factory in PICKERS.items():
        offered[name] = factory(name=f"Français {name}", slug=name)
        hidden[name] = factory(name=f"English {name}", slug=name, locale=english)
    place = PlaceFactory(name="Pôle social")
    PlaceFactory(name="Social hub", slug=place.slug, locale=english)
    organisation = OrganisationFactory(name="Ville de Vernier")
    OrganisationFactory(name="City of Vernier", locale=english)

    response = admin_client.get(add_service_url(site_tree.directory))
    content = response.content.decode()

    # Long lists get a search box (in the editor's language) from a script.
    assert 'js/admin/checkbox-filter.js" data-label="Filtrer cette liste"' in content
    for name in PICKERS:
        assert f'type="checkbox" name="{name}" value="{offered[name].pk}"' in content, name
        assert f'name="{name}" value="{hidden[name].pk}"' not in content, name
        assert f"English {name}" not in content
    # The organisation and the place of each inline row (its template row included) are
    # chosen in a pop-up: what the form accepts is the French ones.
    form = response.context["form"]
    assert list(form.fields["organisation"].queryset) == [organisation]
    for rows in ("service_places", "opening_periods", "hours_exceptions"):
        assert list(form.formsets[rows].empty_form.fields["place"].queryset) == [place], rows


def test_a_choice_in_another_language_is_refused_with_a_message(site_tree, admin_client, english):
    french_mode = AccessModeFactory()
    english_theme = ThemeFactory(name="Seniors", slug="seniors", locale=english)
    english_place = PlaceFactory(name="Social hub", locale=english)
    data = service_form_data(
        english_theme,
        french_mode,
        service_places=[{"place": english_place.pk, "note": ""}],
    )
    response = in_english(admin_client, "post", add_service_url(site_tree.directory), data)
    assert response.status_code == 200
    assert "only items in French can be used here" in field_errors(response, "themes")
    row_errors = response.context["form"].formsets["service_places"].errors[0]
    with translation.override("en"):
        assert "only items in French" in str(row_errors["place"])
    assert not ServicePage.objects.exists()


def test_terms_of_another_language_already_chosen_are_shown_in_the_pages_own(
    site_tree, admin_client, english
):
    french_seniors = ThemeFactory(name="Seniors FR", slug="seniors")
    english_seniors = french_seniors.copy_for_translation(english)
    english_seniors.name = "Seniors EN"
    english_seniors.save()
    english_only = ThemeFactory(name="Only in English", slug="english-only", locale=english)
    service = ServicePageFactory(parent=site_tree.directory, themes=[english_seniors, english_only])

    response = admin_client.get(f"/admin/pages/{service.pk}/edit/")
    form = response.context["form"]
    assert sorted(form.initial["themes"]) == sorted([french_seniors.pk, english_only.pk])
    # The one without a French version stays visible, ticked, so it is never dropped silently…
    assert set(form.fields["themes"].queryset) == {french_seniors, english_only}

    data = service_form_data(french_seniors, AccessModeFactory(), slug=service.slug)
    data["themes"] = [french_seniors.pk, english_only.pk]
    response = in_english(admin_client, "post", f"/admin/pages/{service.pk}/edit/", data)
    # …and saving asks the editor to replace it.
    assert response.status_code == 200
    assert "Only in English: not in French" in field_errors(response, "themes")

    data["themes"] = [french_seniors.pk]
    response = in_english(admin_client, "post", f"/admin/pages/{service.pk}/edit/", data)
    assert response.status_code == 302
    assert list(
        ServicePage.objects.get(pk=service.pk).get_latest_revision_as_object().themes.all()
    ) == [french_seniors]


def test_a_place_offers_the_accessibility_features_of_its_language(admin_client, english):
    FRENCH, ENGLISH = "Entrée de plain-pied", "Step-free entrance"
    french = AccessibilityFeatureFactory(name=FRENCH, slug="plain-pied")
    AccessibilityFeatureFactory(name=ENGLISH, slug="plain-pied", locale=english)
    url = "/admin/snippets/places/place/add/"

    content = admin_client.get(url, {"locale": "fr"}).content.decode()
    assert f'type="checkbox" name="accessibility_features" value="{french.pk}"' in content
    assert ENGLISH not in content
    content = admin_client.get(url, {"locale": "en"}).content.decode()
    assert ENGLISH in content and FRENCH not in content

    place = {
        "name": "Social hub",
        "slug": "social-hub",
        "kind": "hub",
        "street_address": "1 main street",
        "postcode": "1214",
        "commune": "Vernier",
        "country": "CH",
        "accessibility_features": [french.pk],
        "opening_periods-TOTAL_FORMS": "0",
        "opening_periods-INITIAL_FORMS": "0",
        "hours_exceptions-TOTAL_FORMS": "0",
        "hours_exceptions-INITIAL_FORMS": "0",
    }
    response = in_english(admin_client, "post", url + "?locale=en", place)
    assert response.status_code == 200
    assert "only items in English" in field_errors(response, "accessibility_features")
    assert not Place.objects.exists()


def test_a_translation_keeps_the_terms_of_its_language_when_synchronised(site_tree, english):
    french_theme = ThemeFactory(name="Seniors", slug="seniors")
    english_theme = translate_object(french_theme, english, lambda text: f"EN {text}")
    french_mode = AccessModeFactory(name="Sur rendez-vous", slug="rdv")
    english_mode = translate_object(french_mode, english, lambda text: f"EN {text}")
    translate_object(site_tree.home, english, lambda text: f"EN {text}")
    translate_object(site_tree.directory, english, lambda text: f"EN {text}")
    service = ServicePageFactory(
        parent=site_tree.directory, themes=[french_theme], access_modes=[french_mode]
    )
    service.save_revision().publish()

    translated = translate_object(service, english, lambda text: f"EN {text}")
    assert list(translated.themes.all()) == [english_theme]
    assert list(translated.access_modes.all()) == [english_mode]

    # The French page changes and the translation is synchronised again: wagtail-localize
    # copies the French terms, publishing points them back at the English ones.
    service.summary = "Un autre résumé."
    service.save_revision().publish()
    translated = translate_object(service, english, lambda text: f"EN {text}")
    assert list(translated.themes.all()) == [english_theme]
    assert list(translated.access_modes.all()) == [english_mode]
    assert list(service.themes.all()) == [french_theme]
