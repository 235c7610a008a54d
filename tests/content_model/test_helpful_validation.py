"""Validation that helps: local numbers completed, insecure links and mistyped times explained."""

import datetime

import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.validators import international_phone
from places.factories import OrganisationFactory, PlaceFactory
from places.models import Organisation, Place
from services_directory.blocks import (
    DocumentsChecklistBlock,
    ProcedureGuideBlock,
    QuestionsBlock,
    ServiceBodyBlock,
)
from services_directory.models import ServicePage

from .service_form import service_form_data
from .test_validation import PERIOD, errors_of, post_new_service


@pytest.mark.parametrize(
    ("typed", "country", "international"),
    [
        ("022 306 06 70", "CH", "+41 22 306 06 70"),
        ("0223060670", "CH", "+41 22 306 06 70"),
        ("01 41 37 11 00", "FR", "+33 1 41 37 11 00"),
        ("01.41.37.11.00", "FR", "+33 1 41 37 11 00"),
        ("0041 22 306 06 70", None, "+41 22 306 06 70"),
        ("+33 1 41 37 11 00", "CH", "+33 1 41 37 11 00"),
        # Not a national number, or no country to read it with: left for the validator.
        ("022 306 06 70", None, "022 306 06 70"),
        ("306 06 70", "CH", "306 06 70"),
        ("0800 80 80", "FR", "0800 80 80"),
    ],
)
def test_local_numbers_are_put_in_international_format(typed, country, international):
    assert international_phone(typed, country) == international


def place_data(**overrides):
    return {
        "name": "Pôle social",
        "slug": "pole-social",
        "kind": "hub",
        "street_address": "4 rue Teddy Riner",
        "postcode": "92130",
        "commune": "Issy-les-Moulineaux",
        "country": "FR",
        "phone": "01 41 23 80 00",
        "email": "",
        **nested_form_data(
            {"opening_periods": inline_formset([]), "hours_exceptions": inline_formset([])}
        ),
        **overrides,
    }


def post_in_english(client, url, data):
    with translation.override("en"):
        return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")


@pytest.mark.django_db
def test_a_place_number_takes_the_country_of_the_place(admin_client):
    response = post_in_english(admin_client, "/admin/snippets/places/place/add/", place_data())
    assert response.status_code == 302
    assert Place.objects.get().phone == "+33 1 41 23 80 00"


@pytest.mark.django_db
def test_a_service_number_takes_the_country_of_its_place(site_tree, admin_client, theme, walk_in):
    place = PlaceFactory(country="CH")
    data = service_form_data(
        theme,
        walk_in,
        phone="022 306 06 70",
        service_places=[{"place": place.pk, "note": ""}],
    )
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 302
    assert ServicePage.objects.get(locale__language_code="fr").phone == "+41 22 306 06 70"


@pytest.mark.django_db
def test_links_must_be_secure(site_tree, admin_client, theme, walk_in):
    procedure = {"title": "Déposer une demande", "url": "http://www.ge.ch/", "description": ""}
    data = service_form_data(theme, walk_in, online_procedures=[procedure])
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 200
    assert "starting with https://" in " ".join(errors_of(response)["online_procedures-0-url"])
    assert not ServicePage.objects.exists()

    organisation = {"name": "Ville de Vernier", "kind": "commune", "description": ""}
    response = post_in_english(
        admin_client,
        "/admin/snippets/places/organisation/add/",
        {**organisation, "website": "http://www.vernier.ch/", "phone": "", "email": ""},
    )
    assert response.status_code == 200
    with translation.override("en"):
        assert "starting with https://" in str(response.context["form"].errors["website"])
    assert not Organisation.objects.exists()

    block = ProcedureGuideBlock()
    value = block.to_python({"heading": "En ligne", "url": "http://www.ge.ch/", "steps": []})
    with pytest.raises(StructBlockValidationError) as refused, translation.override("en"):
        block.clean(value)
    with translation.override("en"):
        assert "starting with https://" in str(refused.value.block_errors["url"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "opens"), [("9h30", datetime.time(9, 30)), ("9h", datetime.time(9)), ("9.30", None)]
)
def test_times_are_read_as_editors_type_them(site_tree, admin_client, theme, walk_in, typed, opens):
    data = service_form_data(theme, walk_in, opening_periods=[{**PERIOD, "opens": typed}])
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 302
    assert ServicePage.objects.get(locale__language_code="fr").opening_periods.get().opens == (
        opens or datetime.time(9, 30)
    )


@pytest.mark.django_db
def test_a_mistyped_time_says_what_to_type(site_tree, admin_client, theme, walk_in):
    data = service_form_data(theme, walk_in, opening_periods=[{**PERIOD, "opens": "9 heures"}])
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 200
    assert errors_of(response)["opening_periods-0-opens"] == ["Type a time such as 09:00 or 9h30."]
    # The typed text stays in a plain text box for the editor to correct.
    assert 'value="9 heures"' in response.content.decode()


@pytest.mark.parametrize(
    ("block", "french", "english"),
    [
        (DocumentsChecklistBlock, "À apporter", "What to bring"),
        (QuestionsBlock, "Questions et réponses", "Questions and answers"),
    ],
)
def test_default_block_headings_are_in_the_readers_language(block, french, english):
    # No default is stored in the admin language of whoever adds the block…
    assert block().child_blocks["heading"].get_default() in ("", None)
    value = block().to_python({"heading": "", "documents": ["Pièce d’identité"], "items": []})
    # …the page shows one in the language it is read in, unless the editor wrote one.
    with translation.override("fr"):
        assert f"<h2>{french}</h2>" in block().render(value)
    with translation.override("en"):
        assert f"<h2>{english}</h2>" in block().render(value)
    value["heading"] = "Pour le rendez-vous"
    with translation.override("en"):
        assert "<h2>Pour le rendez-vous</h2>" in block().render(value)


@pytest.mark.django_db
def test_an_organisation_number_takes_the_country_of_its_places(admin_client):
    place = PlaceFactory(country="FR")
    organisation = place.organisation or OrganisationFactory()
    Place.objects.filter(pk=place.pk).update(organisation=organisation)
    data = {
        "name": organisation.name,
        "kind": "commune",
        "description": "Aide sociale.",
        "website": "",
    }
    response = post_in_english(
        admin_client,
        f"/admin/snippets/places/organisation/edit/{organisation.pk}/",
        # Published at once: a saved draft would leave the live row as it was.
        {**data, "phone": "01 41 23 80 00", "email": "", "action-publish": "on"},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.phone == "+33 1 41 23 80 00"


def test_every_body_block_has_a_translated_label():
    with translation.override("fr"):
        labels = {name: str(block.label) for name, block in ServiceBodyBlock().child_blocks.items()}
    assert labels["heading"] == "intertitre"
    assert "Heading" not in labels.values()
