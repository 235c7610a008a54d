"""Addresses, slugs, phone numbers and e-mail addresses are never translated."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from localization.translate import translate_object
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import ThemeFactory
from tests.content_model.service_form import service_form_data

pytestmark = pytest.mark.django_db

CONTACT = {
    "type": "contact",
    "value": {
        "name": "Accueil du pôle social",
        "phone": "+41 22 306 06 60",
        "email": "accueil@vernier.ch",
        "note": "",
    },
}


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.org", "pw"))
    return client


@pytest.fixture
def english_tree(site_tree, english):
    keep = lambda text: text  # noqa: E731 -- the home and directory as they are
    translate_object(site_tree.home, english, keep)
    translate_object(site_tree.directory, english, keep)
    return site_tree


def test_slugs_are_ascii(site_tree, admin_client):
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    data = service_form_data(ThemeFactory(), None, slug="permanence-impôts")
    with translation.override("en"):
        response = admin_client.post(
            f"/admin/pages/add/services_directory/servicepage/{site_tree.directory.pk}/", data
        )
        assert "slug" in response.context["form"].errors
    assert not ServicePage.objects.exists()


def test_machine_translation_leaves_slugs_numbers_and_addresses_alone(
    english_tree, english, admin_client
):
    service = ServicePageFactory(
        parent=english_tree.directory,
        title="Permanence logement",
        slug="permanence-logement",
        body=[CONTACT],
        procedures=[("Déposer une demande", "https://www.ge.ch/demande")],
    )
    service.save_revision().publish()
    # Translation starts with the French text, which the editor then translates by machine.
    untranslated = lambda text: None  # noqa: E731
    translate_object(service, english, untranslated)
    translation_ = Translation.objects.get(source__object_id=service.translation_key)
    source = translation_.source

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation_.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302

    offered = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Permanence logement" in offered and "Accueil du pôle social" in offered
    for kept in ("permanence-logement", "+41 22 306 06 60", "accueil@vernier.ch"):
        assert kept not in offered
    assert not any("https://" in text for text in offered)
    machine = StringTranslation.objects.filter(locale=english).values_list("data", flat=True)
    assert "[en] Permanence logement" in machine

    translated = translate_object(service, english, untranslated)
    assert translated.title == "[en] Permanence logement"
    assert translated.slug == "permanence-logement"
    assert translated.phone == service.phone
    contact = translated.body[0].value
    assert contact["phone"] == "+41 22 306 06 60"
    assert contact["email"] == "accueil@vernier.ch"
    assert contact["name"] == "[en] Accueil du pôle social"
    assert translated.online_procedures.get().url == "https://www.ge.ch/demande"
    assert translated.url_path.endswith("/services/permanence-logement/")


def test_a_translator_can_still_change_a_slug(english_tree):
    service = ServicePageFactory(parent=english_tree.directory, slug="permanence-logement")
    source, _created = TranslationSource.get_or_create_from_instance(service)
    # The slug is among the synchronised values a translator may override in the editor.
    assert source.overridablesegment_set.filter(context__path="slug").exists()


def test_snippet_slugs_and_numbers_are_copied_to_translations(english):
    theme = ThemeFactory(name="Seniors", slug="seniors")
    place = PlaceFactory(name="Pôle social", slug="pole-social", phone="+41 22 306 06 60")
    everything = lambda text: f"EN {text}"  # noqa: E731 -- would break a translated slug
    assert translate_object(theme, english, everything).slug == "seniors"
    translated_place = translate_object(place, english, everything)
    assert (translated_place.slug, translated_place.phone) == ("pole-social", "+41 22 306 06 60")
    assert translated_place.name == "EN Pôle social"
