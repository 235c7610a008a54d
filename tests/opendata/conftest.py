"""The French directory that the data·inclusion export and import tests share."""

import datetime

import pytest

from core.models import ContactSettings
from places.factories import OrganisationFactory, PlaceFactory
from places.models import Commune
from services_directory.factories import ServicePageFactory
from services_directory.models import ServiceOpeningPeriod
from taxonomy.factories import AccessModeFactory, AudienceFactory, NeedFactory, ThemeFactory
from taxonomy.models import AccessMode
from tests.conftest import once_per_module, read_again


def build_directory(site_tree):
    """Three services: two in Issy by the CCAS (one at its premises, one by phone with a
    fee), one in Vernier (a Swiss address) without organisation, by appointment."""
    ContactSettings.objects.update_or_create(
        site=site_tree.site,
        defaults={"organisation_name": "Pôle social", "email": "accueil@example.fr"},
    )
    ccas = OrganisationFactory(
        name="CCAS d’Issy",
        description="Le centre communal d’action sociale.",
        siret="73282932000074",
        phone="+33 1 41 23 80 00",
        email="ccas@example.fr",
        website="https://ccas.example.fr",
    )
    issy = PlaceFactory(
        name="Pôle social d’Issy",
        street_address="47 rue du Gouverneur Général Éboué",
        postcode="92130",
        commune="Issy-les-Moulineaux",
        country="FR",
        latitude="48.8240",
        longitude="2.2730",
        organisation=ccas,
    )
    housing_theme = ThemeFactory(name="Logement", slug="logement")
    eviction = NeedFactory(
        name="Menace d’expulsion",
        slug="expulsion",
        theme=housing_theme,
        datainclusion_code="logement-hebergement--se-maintenir-dans-le-logement",
    )
    budget = NeedFactory(
        name="Budget",
        slug="budget",
        theme=ThemeFactory(name="Argent", slug="argent"),
        datainclusion_code="difficultes-financieres--ameliorer-sa-gestion-budgetaire",
    )
    housing = ServicePageFactory(
        parent=site_tree.directory,
        title="Prévention des expulsions.",
        summary="Un travailleur social vous aide à garder votre logement.",
        organisation=ccas,
        themes=[housing_theme],
        places=[issy],
        audiences=[
            AudienceFactory(name="Familles", slug="familles", datainclusion_code="familles")
        ],
        access_modes=[
            AccessModeFactory(name="Sans rendez-vous", slug="sans-rdv"),
            AccessModeFactory(name="En ligne", slug="en-ligne", kind=AccessMode.Kind.ONLINE),
        ],
        procedures=[("Prendre rendez-vous", "https://rdv.example.fr/ccas")],
        cost="reduced",
        cost_details="Selon vos revenus.",
        publish=False,
    )
    housing.needs.set([eviction])
    housing.communes_served.set(Commune.objects.filter(code__in=["92040", "6643"]))
    ServiceOpeningPeriod.objects.create(
        page=housing, weekday=0, opens=datetime.time(9), closes=datetime.time(12)
    )
    ServiceOpeningPeriod.objects.create(
        page=housing, weekday=0, opens=datetime.time(14), closes=datetime.time(17)
    )
    housing.save_revision().publish()
    helpline = ServicePageFactory(
        parent=site_tree.directory,
        title="Conseil budgétaire par téléphone",
        summary="Une conseillère vous aide à tenir votre budget.",
        organisation=ccas,
        themes=[budget.theme],
        access_modes=[
            AccessModeFactory(name="Par téléphone", slug="telephone", kind=AccessMode.Kind.PHONE)
        ],
        cost="paid",
        fee_amount="2.50",
        fee_currency="EUR",
        cost_details="Par entretien.",
        email="budget@example.fr",
        contact_person="Anne Dupont",
        publish=False,
    )
    helpline.needs.set([budget])
    helpline.communes_served.set(Commune.objects.filter(code="92040"))
    for weekday in (1, 3):
        ServiceOpeningPeriod.objects.create(
            page=helpline, weekday=weekday, opens=datetime.time(13), closes=datetime.time(18)
        )
    helpline.save_revision().publish()
    swiss = ServicePageFactory(
        parent=site_tree.directory,
        title="Permanence impôts",
        summary="Aide pour remplir la déclaration d’impôts.",
        themes=[budget.theme],
        access_modes=[
            AccessModeFactory(name="Sur rendez-vous", slug="sur-rdv", kind="appointment")
        ],
        places=[PlaceFactory()],
        publish=False,
    )
    swiss.needs.set([budget])
    swiss.save_revision().publish()
    return site_tree.locale, housing, swiss


@once_per_module
def module_directory(site_tree):
    return build_directory(site_tree)


@pytest.fixture
def directory(module_directory, site_tree):
    """The locale, the housing service (Issy) and the Swiss one, read afresh."""
    return read_again(module_directory)
