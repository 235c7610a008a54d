"""What a faithful open-data mapping needs: communes by official code, regions, ages,
fees, booking links, accessibility pages and organisation identifiers; validated for
editors, filled in for existing rows, shown to residents."""

import importlib
import json
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import Locale

from kiosk.factories import KioskProfileFactory
from localization.sync import synchronise_all_trees
from localization.translate import translate_object
from places.factories import OrganisationFactory, PlaceFactory
from places.identifiers import validate_rna, validate_siret, validate_swiss_uid
from places.models import Commune, Organisation, Place
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage

from .service_form import service_form_data
from .test_helpful_validation import place_data, post_in_english
from .test_validation import errors_of, post_new_service

FILLING = importlib.import_module(
    "places.migrations.0007_load_communes_fill_regions_and_descriptions"
)


@pytest.mark.parametrize(
    ("validator", "value"),
    [
        (validate_siret, "73282932000074"),
        (validate_siret, "35600000000001"),  # La Poste: digits summing to a multiple of 5
        (validate_rna, "W922000123"),
        (validate_swiss_uid, "CHE-109.322.551"),
        (validate_swiss_uid, "CHE-116.281.710"),
    ],
)
def test_well_formed_identifiers_pass(validator, value):
    validator(value)


@pytest.mark.parametrize(
    ("validator", "value", "code"),
    [
        (validate_siret, "73282932000075", "invalid_siret_check"),  # last digit mistyped
        (validate_siret, "7328293200007", "invalid_siret"),
        # Luhn-valid, but not by La Poste's rule:
        (validate_siret, "35600000000014", "invalid_siret_check"),
        (validate_rna, "922000123", "invalid_rna"),
        (validate_swiss_uid, "CHE-109.322.552", "invalid_swiss_uid_check"),
        (validate_swiss_uid, "CHE-109.322", "invalid_swiss_uid"),
    ],
)
def test_mistyped_identifiers_are_refused(validator, value, code):
    with pytest.raises(ValidationError) as refused:
        validator(value)
    assert refused.value.code == code


def organisation_data(**overrides):
    return {
        "name": "CIDFF",
        "kind": "association",
        "description": "Droits des femmes et des familles.",
        "website": "",
        "phone": "",
        "email": "",
        "siret": "",
        "rna": "",
        "swiss_uid": "",
        "action-publish": "on",
        **overrides,
    }


@pytest.mark.django_db
def test_editors_type_identifiers_as_printed_and_get_them_checked(admin_client):
    url = "/admin/snippets/places/organisation/add/"
    response = post_in_english(
        admin_client,
        url,
        organisation_data(siret="732 829 320 00074", rna="w922000123", swiss_uid="che109322551"),
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.siret, organisation.rna, organisation.swiss_uid) == (
        "73282932000074",
        "W922000123",
        "CHE-109.322.551",
    )
    assert organisation.identifiers() == [
        ("SIRET", "73282932000074"),
        ("RNA", "W922000123"),
        ("UID", "CHE-109.322.551"),
    ]

    response = post_in_english(
        admin_client, url, organisation_data(name="Autre", siret="732 829 320 00075")
    )
    assert response.status_code == 200
    with translation.override("en"):
        assert "not valid" in str(response.context["form"].errors["siret"])


@pytest.mark.django_db
def test_an_organisation_needs_a_description(admin_client):
    response = post_in_english(
        admin_client, "/admin/snippets/places/organisation/add/", organisation_data(description="")
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_place_gets_the_region_of_its_postcode_and_a_secure_accessibility_page(admin_client):
    url = "/admin/snippets/places/place/add/"
    response = post_in_english(
        admin_client, url, place_data(accessibility_url="http://acceslibre.beta.gouv.fr/x/")
    )
    assert response.status_code == 200
    with translation.override("en"):
        assert "https://" in str(response.context["form"].errors["accessibility_url"])

    vernier = Commune.objects.get(country="FR", code="92040")
    response = post_in_english(
        admin_client,
        url,
        place_data(
            accessibility_url="https://acceslibre.beta.gouv.fr/x/", communes_served=[vernier.pk]
        ),
    )
    assert response.status_code == 302
    place = Place.objects.get()
    assert place.region == "Hauts-de-Seine"
    assert list(place.communes_served.all()) == [vernier]
    # A region typed by the editor is kept; an unknown postcode leaves it empty.
    assert PlaceFactory(postcode="92130", country="FR", region="Île-de-France").region == (
        "Île-de-France"
    )
    assert PlaceFactory(postcode="75001", country="FR").region == ""


@pytest.mark.django_db
def test_the_shipped_communes_are_loaded_by_their_official_codes():
    assert Commune.objects.filter(country="CH").count() == 45
    assert Commune.objects.filter(country="FR").count() == 36
    vernier = Commune.objects.get(country="CH", code="6643")
    assert (vernier.name, vernier.region, vernier.code_label) == ("Vernier", "Genève", "OFS 6643")
    assert vernier.centre().postcodes == ("1214", "1219", "1220")
    assert Commune.objects.get(country="FR", code="92004").name == "Asnières-sur-Seine"
    with pytest.raises(IntegrityError), transaction.atomic():
        Commune.objects.create(country="CH", code="6643", name="Doublon")


@pytest.mark.django_db
def test_the_migration_fills_existing_rows_sensibly():
    place = PlaceFactory(postcode="92130", country="FR")
    Place.objects.filter(pk=place.pk).update(region="")
    organisation = OrganisationFactory(name="Caritas")
    kept = OrganisationFactory(name="Pro Senectute", description="Pour les aînés.")
    Organisation.objects.filter(pk=organisation.pk).update(description="")
    Commune.objects.all().delete()

    FILLING.load_communes_and_fill(apps, None)
    FILLING.load_communes_and_fill(apps, None)  # idempotent

    place.refresh_from_db()
    organisation.refresh_from_db()
    kept.refresh_from_db()
    assert place.region == "Hauts-de-Seine"
    assert organisation.description == "Caritas"
    assert kept.description == "Pour les aînés."
    assert Commune.objects.count() == 81


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"minimum_age": "30", "maximum_age": "18"}, {"maximum_age"}),
        ({"minimum_age": "18", "maximum_age": "18"}, set()),
        ({"fee_amount": "20"}, {"fee_amount", "fee_currency"}),  # free, and no currency
        (
            {"cost": "paid", "cost_details": "Par déclaration.", "fee_amount": "20"},
            {"fee_currency"},
        ),
        (
            {
                "cost": "paid",
                "cost_details": "Par déclaration.",
                "fee_amount": "20",
                "fee_currency": "CHF",
                "booking_url": "https://www.vernier.ch/rendez-vous",
            },
            set(),
        ),
        ({"booking_url": "http://www.vernier.ch/rendez-vous"}, {"booking_url"}),
    ],
)
def test_ages_fees_and_booking_links_are_checked(
    site_tree, admin_client, theme, walk_in, fields, errors
):
    data = service_form_data(theme, walk_in, **fields)
    response = post_new_service(admin_client, site_tree.directory, data)
    if errors:
        assert response.status_code == 200
        assert errors <= set(errors_of(response))
        assert not ServicePage.objects.exists()
    else:
        assert response.status_code == 302, errors_of(response)
        assert ServicePage.objects.exists()


@pytest.mark.django_db
def test_the_database_refuses_ages_out_of_order(site_tree):
    service = ServicePageFactory(parent=site_tree.directory)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServicePage.objects.filter(pk=service.pk).update(minimum_age=30, maximum_age=18)


@pytest.fixture
def club(site_tree):
    hub = PlaceFactory(
        locale=site_tree.locale,
        name="Pôle social d’Issy",
        postcode="92130",
        commune="Issy-les-Moulineaux",
        country="FR",
        accessibility_url="https://acceslibre.beta.gouv.fr/app/pole-issy/",
    )
    hub.communes_served.set(Commune.objects.filter(country="FR", code__in=["92040", "92075"]))
    hub.save()
    service = ServicePageFactory(
        parent=site_tree.directory,
        title="Club des aînés",
        slug="club-des-aines",
        places=[hub],
        cost="paid",
        cost_details="Repas en plus.",
        fee_amount=Decimal("30"),
        fee_currency="EUR",
        minimum_age=60,
        booking_url="https://rendez-vous.example.org/club",
    )
    return service, hub


def json_ld(html):
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )


@pytest.mark.django_db
def test_residents_see_ages_fee_booking_communes_and_accessibility_page(club, client):
    service, _hub = club
    html = client.get(service.url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "EUR 30" in html
    assert "À partir de 60 ans" in html
    assert 'href="https://rendez-vous.example.org/club"' in html
    assert "Prendre rendez-vous" in html
    assert 'href="https://acceslibre.beta.gouv.fr/app/pole-issy/"' in html
    assert "Communes desservies" in html
    assert "Issy-les-Moulineaux, Vanves" in html

    data = json_ld(html)
    assert data["areaServed"] == [
        {
            "@type": "City",
            "name": "Issy-les-Moulineaux",
            "identifier": "INSEE 92040",
            "sameAs": "https://id.insee.fr/geo/commune/92040",
        },
        {
            "@type": "City",
            "name": "Vanves",
            "identifier": "INSEE 92075",
            "sameAs": "https://id.insee.fr/geo/commune/92075",
        },
    ]
    assert data["offers"] == {
        "@type": "Offer",
        "price": 30.0,
        "priceCurrency": "EUR",
        "description": "Repas en plus.",
    }
    assert {"@type": "PeopleAudience", "suggestedMinAge": 60} in data["audience"]


@pytest.mark.django_db
def test_on_a_kiosk_the_booking_link_becomes_a_qr_code(club, client):
    service, hub = club
    profile = KioskProfileFactory(place=hub, slug="issy-hall")
    client.get(profile.enrolment_url())
    html = client.get(service.url).content.decode()
    assert 'href="https://rendez-vous.example.org/club"' not in html
    assert "rendez-vous.example.org/club" in html
    assert '<svg class="qr-code"' in html


@pytest.mark.django_db
def test_translations_keep_the_codes_amounts_and_links_and_translate_the_description(club):
    service, hub = club
    organisation = OrganisationFactory(
        locale=service.locale, siret="73282932000074", description="Aide sociale."
    )
    synchronise_all_trees()
    english = Locale.objects.get(language_code="en")
    translated = translate_object(service, english, lambda text: f"EN {text}")
    assert (translated.minimum_age, translated.fee_amount, translated.fee_currency) == (
        60,
        Decimal("30.00"),
        "EUR",
    )
    assert translated.booking_url == "https://rendez-vous.example.org/club"
    place = translate_object(hub, english, lambda text: f"EN {text}")
    assert [c.code for c in place.communes_served.all()] == ["92040", "92075"]
    assert place.accessibility_url == "https://acceslibre.beta.gouv.fr/app/pole-issy/"
    assert place.region == "Hauts-de-Seine"
    other = translate_object(organisation, english, lambda text: f"EN {text}")
    assert (other.siret, other.description) == ("73282932000074", "EN Aide sociale.")
