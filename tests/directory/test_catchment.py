"""“Which hub serves my commune?”: services and hubs competent for a commune, by name or
postcode, nearest first; bad input explained, never an error."""

import pytest

from places.factories import PlaceFactory
from places.models import Commune
from services_directory.factories import ServicePageFactory


def communes(*codes):
    return list(Commune.objects.filter(code__in=codes))


@pytest.fixture
def network(site_tree):
    """Two hubs of Hauts-de-Seine with their catchments, a Vernier place open to all."""
    issy = PlaceFactory(
        name="Pôle social d’Issy",
        postcode="92130",
        commune="Issy-les-Moulineaux",
        country="FR",
        latitude="48.8244",
        longitude="2.2736",
    )
    issy.communes_served.set(communes("92040", "92075"))
    issy.save()
    asnieres = PlaceFactory(
        name="Pôle social d’Asnières",
        postcode="92600",
        commune="Asnières-sur-Seine",
        country="FR",
        latitude="48.9145",
        longitude="2.2874",
    )
    asnieres.communes_served.set(communes("92004", "92036"))
    asnieres.save()
    vernier = PlaceFactory(name="Maison de quartier", kind="neighbourhood_house")
    directory = site_tree.directory
    return {
        "at_issy": ServicePageFactory(parent=directory, title="Accueil Issy", places=[issy]),
        "at_asnieres": ServicePageFactory(
            parent=directory, title="Accueil Asnières", places=[asnieres]
        ),
        # Its own catchment wins over its place's: delivered at Asnières for Vanves too.
        "own_catchment": ServicePageFactory(
            parent=directory,
            title="Aide Vanves",
            places=[asnieres],
            communes_served=communes("92075"),
        ),
        "open_to_all": ServicePageFactory(
            parent=directory, title="Ligne d’écoute", places=[vernier]
        ),
        "issy": issy,
        "asnieres": asnieres,
    }


def shown(response):
    return [service.title for service in response.context["services_page"].object_list]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["Vanves", "92170"])
def test_residents_find_the_services_competent_for_their_commune(network, client, site_tree, typed):
    response = client.get(site_tree.directory.url, {"near": typed, "served": "1"})
    assert response.status_code == 200
    assert set(shown(response)) == {"Accueil Issy", "Aide Vanves", "Ligne d’écoute"}
    assert response.context["sort"] == "distance"
    # Nearest first: Issy's hub is 1.5 km from Vanves, Asnières' 10 km, Vernier 400 km.
    assert shown(response) == ["Accueil Issy", "Aide Vanves", "Ligne d’écoute"]
    html = response.content.decode()
    assert "Seulement les services pour les habitants de Vanves" in html
    assert 'name="served" value="1" checked' in html


@pytest.mark.django_db
def test_without_the_choice_every_service_is_listed_and_the_serving_hubs_shown(
    network, client, site_tree
):
    response = client.get(site_tree.directory.url, {"near": "Gennevilliers"})
    assert len(shown(response)) == 4
    # The hub serving Gennevilliers, not only the nearest as the crow flies.
    assert [entry["place"].name for entry in response.context["nearest_places"]] == [
        "Pôle social d’Asnières"
    ]
    assert "Pôles sociaux et antennes qui desservent Gennevilliers" in response.content.decode()


@pytest.mark.django_db
def test_a_commune_no_hub_declares_gets_the_nearest_hubs(network, client, site_tree):
    response = client.get(site_tree.directory.url, {"near": "Clamart"})
    assert [entry["place"].name for entry in response.context["nearest_places"]][:2] == [
        "Pôle social d’Issy",
        "Pôle social d’Asnières",
    ]
    assert "Pôles sociaux et antennes les plus proches de Clamart" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"served": "1"},
        {"near": "Atlantis", "served": "1"},
        {"near": "\x00" * 3, "served": "yes"},
        {"near": "Vanves", "served": ["1", "0", "oui"]},
    ],
)
def test_bad_input_is_explained_never_an_error(network, client, site_tree, params):
    response = client.get(site_tree.directory.url, params)
    assert response.status_code == 200
    if params.get("near") == "Vanves":  # the last value of a repeated choice counts
        assert len(shown(response)) == 3
    else:
        assert response.context["ignored_filters"]
        assert len(shown(response)) == 4
