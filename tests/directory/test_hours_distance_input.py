"""Open now / open on a weekday, distance sort, and hostile query strings."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from places.factories import PlaceFactory
from places.models import PlaceHoursException
from services_directory.directory.listing import directory_context
from services_directory.factories import ServicePageFactory
from services_directory.models import ServiceOpeningPeriod, ServicePage
from services_directory.models.opening import open_service_ids as open_now_ids

pytestmark = pytest.mark.django_db
ZURICH = ZoneInfo("Europe/Zurich")
MONDAY_10 = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=ZURICH)


@pytest.fixture
def hours_catalogue(site_tree):
    weekday_place = PlaceFactory(commune="Vernier")  # Monday–Friday, split day
    saturday_place = PlaceFactory(commune="Onex", weekdays=[5])
    closed_place = PlaceFactory(commune="Lancy")
    PlaceHoursException.objects.create(
        place=closed_place,
        start_date=MONDAY_10.date(),
        end_date=MONDAY_10.date(),
        closed=True,
        reason="Formation",
    )
    night = ServicePageFactory(parent=site_tree.directory, title="Nuit", places=[])
    ServiceOpeningPeriod.objects.create(
        page=night, weekday=6, opens=datetime.time(20), closes=datetime.time(2), ends_next_day=True
    )
    return {
        "weekday": ServicePageFactory(
            parent=site_tree.directory, title="Semaine", places=[weekday_place]
        ),
        "saturday": ServicePageFactory(
            parent=site_tree.directory, title="Samedi", places=[saturday_place]
        ),
        "closed today": ServicePageFactory(
            parent=site_tree.directory, title="Fermé", places=[closed_place]
        ),
        "suspended": ServicePageFactory(
            parent=site_tree.directory,
            title="Suspendu",
            places=[weekday_place],
            is_suspended=True,
            suspension_message="Travaux",
        ),
        "night": night,
    }


def names(ids):
    return set(ServicePage.objects.filter(pk__in=ids).values_list("title", flat=True))


def test_open_now_follows_hours_exceptions_and_suspension(hours_catalogue):
    services = ServicePage.objects.live()
    assert names(open_now_ids(services, MONDAY_10)) == {"Semaine"}
    lunch = MONDAY_10.replace(hour=12, minute=30)
    assert names(open_now_ids(services, lunch)) == set()
    monday_1am = MONDAY_10.replace(hour=1)
    assert names(open_now_ids(services, monday_1am)) == {"Nuit"}  # Sunday 20:00–02:00
    saturday = datetime.datetime(2026, 11, 28, 10, tzinfo=ZURICH)
    assert names(open_now_ids(services, saturday)) == {"Samedi"}


def test_open_now_agrees_with_the_hours_module(hours_catalogue):
    services = ServicePage.objects.live()
    moment = MONDAY_10
    for service in services:
        status = service.overall_status(moment)
        expected = bool(status and status.is_open and not service.is_suspended)
        assert (service.pk in open_now_ids(services, moment)) is expected, service.title


# A chosen weekday means regular weekly hours: a one-day closure doesn't remove "Fermé".
WEEKDAY_CASES = [("0", {"Semaine", "Suspendu", "Fermé"}), ("5", {"Samedi"}), ("6", {"Nuit"})]


@pytest.mark.parametrize(("weekday", "expected"), WEEKDAY_CASES)
def test_open_on_a_chosen_weekday(hours_catalogue, client, site_tree, weekday, expected):
    response = client.get(site_tree.directory.url, {"open": weekday})
    assert {s.title for s in response.context["services_page"].object_list} == expected


def test_distance_sort_from_a_postcode(site_tree, client):
    far = ServicePageFactory(
        parent=site_tree.directory,
        title="A Issy",
        places=[PlaceFactory(commune="Issy", latitude="48.8244", longitude="2.2736")],
    )
    near = ServicePageFactory(
        parent=site_tree.directory,
        title="B Vernier",
        places=[PlaceFactory(commune="Vernier", latitude="46.2171", longitude="6.0849")],
    )
    nowhere = ServicePageFactory(parent=site_tree.directory, title="C Téléphone", places=[])
    response = client.get(site_tree.directory.url, {"near": "1214", "sort": "distance"})
    shown = response.context["services_page"].object_list
    assert [s.pk for s in shown] == [near.pk, far.pk, nowhere.pk]
    assert shown[0].distance_km < 2
    assert 390 < shown[1].distance_km < 420  # Vernier → Issy-les-Moulineaux, as the crow flies
    response = client.get(
        site_tree.directory.url, {"near": "Issy-les-Moulineaux", "sort": "distance"}
    )
    assert [s.pk for s in response.context["services_page"].object_list][:2] == [far.pk, near.pk]
    assert response.context["nearest_places"][0]["place"].commune == "Issy"


BAD_INPUTS = [
    {"page": "abc"},
    {"page": "-1"},
    {"page": str(10**9)},
    {"page": "1e5"},
    {"theme": "does-not-exist"},
    {"theme": ["x"] * 500},
    {"open": "9"},
    {"open": ["now", "1"]},
    {"sort": "'; DROP TABLE wagtailcore_page; --"},
    {"near": "Atlantis"},
    {"near": "\x00\u202e" * 50},
    {"q": '\x00"*:^(' * 100},
    {"commune": "é" * 10_000},
    {"free": "yes"},
]


@pytest.mark.parametrize("params", BAD_INPUTS, ids=[str(i) for i in range(len(BAD_INPUTS))])
def test_bad_input_never_fails(site_tree, client, params):
    ServicePageFactory(parent=site_tree.directory)
    response = client.get(site_tree.directory.url, params)
    assert response.status_code == 200


def test_unknown_values_are_ignored_and_reported(site_tree, client):
    ServicePageFactory(parent=site_tree.directory)
    response = client.get(site_tree.directory.url, {"theme": "nope", "near": "Atlantis"})
    assert response.context["paginator"].count == 1
    assert response.context["ignored_filters"]
    assert "not recognised" in response.content.decode() or "reconnu" in response.content.decode()


def test_page_number_is_clamped(site_tree, client):
    for number in range(25):
        ServicePageFactory(parent=site_tree.directory, title=f"Service {number:02d}")
    last = client.get(site_tree.directory.url, {"page": "999"})
    assert last.context["services_page"].number == 2
    first = client.get(site_tree.directory.url, {"page": "-4"})
    assert first.context["services_page"].number == 1


def test_too_many_parameters_is_a_translated_400(site_tree, client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    client.raise_request_exception = False
    query = "&".join(f"theme=t{n}" for n in range(200))
    response = client.get(f"{site_tree.directory.url}?{query}")
    assert response.status_code == 400
    content = response.content.decode()
    assert '<html lang="fr"' in content
    assert "400.html" in [template.name for template in response.templates]


def test_view_is_importable_for_reuse():
    assert directory_context
