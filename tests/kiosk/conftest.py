import pytest

from kiosk.factories import KioskProfileFactory
from kiosk.middleware import COOKIE_NAME
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory


@pytest.fixture
def hub(site_tree):
    return PlaceFactory(locale=site_tree.locale, name="Pôle social d’Issy")


@pytest.fixture
def profile(hub):
    return KioskProfileFactory(place=hub, slug="issy-hall")


@pytest.fixture
def kiosk_client(client, profile):
    """A screen enrolled through its launcher's address, holding the kiosk cookie."""
    response = client.get(profile.enrolment_url())
    assert COOKIE_NAME in response.cookies
    return client


@pytest.fixture
def hub_service(site_tree, hub):
    return ServicePageFactory(
        parent=site_tree.directory,
        title="Aide aux démarches en ligne",
        slug="aide-demarches",
        places=[hub],
        procedures=[
            ("Ouvrir un compte e-démarches", "https://www.ge.ch/e-demarches-particuliers/"),
            ("Demander des prestations AI", "https://www.ahv-iv.ch/fr/"),
        ],
    )
