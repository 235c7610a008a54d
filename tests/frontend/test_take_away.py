"""Help residents take away: "My list" (kept in their browser, printed on one sheet) and
"How to get there" (directions from each place). The list's behaviour in a browser is in
tests/browser/test_my_list_browser.py."""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core.directions import validate_journey_planner_url
from core.models import ContactSettings
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory
from services_directory.my_list import MAX_SERVICES

SHEET = "/{language}/my-list/sheet/"


def sheet(client, ids, language="fr"):
    return client.get(SHEET.format(language=language), {"id": [str(i) for i in ids]})


@pytest.fixture
def two_services(site_tree):
    hub = PlaceFactory(
        name="Pôle social d’Issy",
        street_address="7 rue Ernest Renan",
        postcode="92130",
        commune="Issy-les-Moulineaux",
        phone="+33 1 41 23 80 00",
    )
    first = ServicePageFactory(
        parent=site_tree.directory, title="Permanence impôts", places=[hub], phone=""
    )
    second = ServicePageFactory(
        parent=site_tree.directory, title="Conseil en budget", phone="+41 22 306 06 60"
    )
    return first, second


# My list: the page -------------------------------------------------------------------------


def test_my_list_page_explains_without_javascript_and_sets_no_cookie(client, site_tree):
    response = client.get("/fr/my-list/")
    assert response.status_code == 200
    html = response.content.decode()
    # The list itself waits hidden for the script; the explanation shows without it.
    assert re.search(r'<div class="my-list" data-my-list [^>]*hidden>', html)
    notice = re.search(r"<div class=\"notice\" data-my-list-unavailable>(.*?)</div>", html, re.S)
    assert notice and "JavaScript" in notice.group(1)
    assert 'action="/fr/my-list/sheet/"' in html
    assert not response.cookies


@pytest.mark.parametrize("language", ["ar", "ta"])
def test_my_list_page_is_in_the_visitors_language(client, site_tree, language):
    with translation.override(language):
        title = translation.gettext("My list")
        explanation = translation.gettext("Clear my list")
    assert title != "My list" and explanation != "Clear my list", "catalogue not translated"
    html = client.get(f"/{language}/my-list/").content.decode()
    assert f'<h1 id="my-list-heading" tabindex="-1">{title}</h1>' in html
    assert explanation in html
    if language == "ar":
        assert '<html lang="ar" dir="rtl">' in html


def test_service_page_and_cards_carry_a_toggle_hidden_until_javascript(client, two_services):
    first, _second = two_services
    html = client.get(first.url).content.decode()
    box = re.search(
        r'<div class="my-list-toggle no-print" data-my-list-box hidden>(.*?)</div>', html, re.S
    )
    assert box, "the toggle is hidden without JavaScript"
    button = re.search(r"<button [^>]*data-my-list-toggle[^>]*>", box.group(1)).group(0)
    assert 'aria-pressed="false"' in button
    assert f'data-id="{first.pk}"' in button
    assert f'data-url="{first.url}"' in button
    assert 'role="status"' in box.group(1)
    directory = client.get("/fr/services/").content.decode()
    assert f'data-id="{first.pk}"' in directory and 'data-id="' in directory


def test_no_toggle_on_sensitive_services(client, site_tree):
    # Whoever next uses the browser sees the list: a violence service is not offered.
    service = ServicePageFactory(parent=site_tree.directory, is_sensitive=True)
    html = client.get(service.url).content.decode()
    assert "data-my-list-toggle" not in html
    assert "data-my-list-toggle" not in client.get("/fr/services/").content.decode()


# My list: the printable sheet ----------------------------------------------------------------


def test_sheet_shows_each_service_with_hours_address_phone_and_qr_in_list_order(
    client, two_services
):
    first, second = two_services
    response = sheet(client, [second.pk, first.pk])
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Conseil en budget") < html.index("Permanence impôts"), "the list's order"
    assert "7 rue Ernest Renan, 92130 Issy-les-Moulineaux" in html
    assert "+33 1 41 23 80 00" in html and "+41 22 306 06 60" in html
    assert re.search(
        r"<li>lundi <span dir=\"ltr\">09:00–12:00, 13:30–17:00</span></li>", html, re.I
    )
    assert html.count('<svg class="qr-code"') == 2
    titles = re.findall(r'<svg class="qr-code"[^>]*><title>([^<]*)</title>', html)
    assert ["Conseil en budget" in titles[0], "Permanence impôts" in titles[1]] == [True, True]
    assert "data-print hidden" in html
    assert not response.cookies


def test_sheet_counts_each_service_once_and_leaves_out_unpublished_ones(client, two_services):
    first, second = two_services
    second.unpublish()
    html = sheet(client, [first.pk, first.pk, second.pk, 987654]).content.decode()
    assert html.count('<svg class="qr-code"') == 1
    assert "Conseil en budget" not in html
    with translation.override("fr"):
        expected = translation.ngettext(
            "%(counter)s service on your list is no longer published: it is left out.",
            "%(counter)s services on your list are no longer published: they are left out.",
            2,
        ) % {"counter": 2}
    assert expected in html.replace("&#x27;", "'")


def test_sheet_shows_the_services_in_the_visitors_language(client, two_services, translated):
    first, _second = two_services
    english = translated(first, "en")
    html = sheet(client, [first.pk], language="en").content.decode()
    assert f'href="{english.url}"' in html
    assert english.url.startswith("/en/")
    assert f'href="{first.url}"' not in html


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"id": "abc"},
        {"id": "1.5"},
        {"id": "-3"},
        {"id": "0"},
        {"id": "٣"},  # an Arabic-Indic digit: int() would take it, the form must not
        {"id": "²"},  # a digit to str.isdigit(), not to int()
        {"id": "99999999999"},
        {"id": "12\x00"},
        {"id": [str(n) for n in range(1, MAX_SERVICES + 2)]},
        {"id": ["1"] * (MAX_SERVICES * 3)},
    ],
    ids=[
        "none",
        "word",
        "decimal",
        "negative",
        "zero",
        "arabic",
        "superscript",
        "huge",
        "nul",
        "too-many",
        "flood",
    ],
)
def test_sheet_refuses_bad_lists_with_a_clear_page(client, db, query):
    response = client.get(f"{SHEET.format(language='fr')}?{urlencode(query, doseq=True)}")
    assert response.status_code == 400
    assert translation.gettext("This list could not be read") in response.content.decode()


def test_sheet_refusal_is_in_the_visitors_language(client, site_tree):
    with translation.override("uk"):
        heading = translation.gettext("This list could not be read")
        reason = translation.gettext("The address holds something that is not a service number.")
    assert heading != "This list could not be read"
    html = client.get(SHEET.format(language="uk"), {"id": "x"}).content.decode()
    assert heading in html and reason.replace("’", "’") in html.replace("&#x27;", "'")


def test_the_sheet_costs_no_query_per_service(client, site_tree):
    place = PlaceFactory()
    services = [ServicePageFactory(parent=site_tree.directory, places=[place]) for _ in range(3)]
    sheet(client, [services[0].pk])  # the site's own lookups, kept after the first request
    counts = []
    for size in (1, 3):
        with CaptureQueriesContext(connection) as queries:
            response = sheet(client, [service.pk for service in services[:size]])
        assert response.content.decode().count('<svg class="qr-code"') == size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# How to get there -----------------------------------------------------------------------------


def directions_links(html):
    block = re.search(r'<div class="directions no-print">(.*?)</div>', html, re.S)
    assert block, "no directions on the page"
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', block.group(1))]


def test_directions_lead_to_the_places_coordinates(client, site_tree):
    place = PlaceFactory(latitude="46.217000", longitude="6.085000")
    service = ServicePageFactory(parent=site_tree.directory, places=[place])
    links = directions_links(client.get(service.url).content.decode())
    assert len(links) == 1, "no planner without a planner address in the settings"
    parts = urlsplit(links[0])
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "www.openstreetmap.org",
        "/directions",
    )
    assert parse_qs(parts.query) == {"to": ["46.217,6.085"]}


def test_directions_lead_to_the_address_without_coordinates_and_the_planner_when_set(
    client, site_tree
):
    ContactSettings.objects.create(
        site=site_tree.site,
        organisation_name="SCS",
        journey_planner_url="https://planner.example.org/route?dest={address}&mode=transit",
    )
    place = PlaceFactory(latitude=None, longitude=None, street_address="Rue du Village 20")
    service = ServicePageFactory(parent=site_tree.directory, places=[place])
    osm, planner = directions_links(client.get(service.url).content.decode())
    assert parse_qs(urlsplit(osm).query) == {"to": ["Rue du Village 20, 1214 Vernier"]}
    assert planner == (
        "https://planner.example.org/route?dest=Rue%20du%20Village%2020%2C%201214%20Vernier"
        "&mode=transit"
    )


def test_a_planner_needing_coordinates_is_left_out_for_a_place_without_them(client, site_tree):
    ContactSettings.objects.create(
        site=site_tree.site,
        organisation_name="SCS",
        journey_planner_url="https://planner.example.org/?to={lat},{lon}",
    )
    with_coordinates = PlaceFactory(name="Avec", latitude="46.2", longitude="6.1")
    without = PlaceFactory(name="Sans", latitude=None, longitude=None)
    service = ServicePageFactory(parent=site_tree.directory, places=[with_coordinates, without])
    html = client.get(service.url).content.decode()
    blocks = re.findall(r'<div class="directions no-print">(.*?)</div>', html, re.S)
    assert len(blocks) == 2
    planners = [re.findall(r'href="(https://planner[^"]+)"', block) for block in blocks]
    assert sorted(planners, key=len) == [[], ["https://planner.example.org/?to=46.2,6.1"]]


@pytest.mark.parametrize(
    "value",
    [
        "http://planner.example.org/?to={lat},{lon}",
        "https://planner.example.org/?to={latitude},{lon}",
        "https://planner.example.org/route",
        "https://planner.example.org/?to={lat},{lon}}",
        "https://planner example.org/?to={address}",
        "javascript:alert(1)//{address}",
    ],
)
def test_the_journey_planner_address_is_checked(value):
    with pytest.raises(ValidationError):
        validate_journey_planner_url(value)


def test_the_contact_settings_check_the_journey_planner_address(site_tree):
    settings = ContactSettings(
        site=site_tree.site,
        organisation_name="SCS",
        journey_planner_url="https://planner.example.org/?to={latitude}",
    )
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert list(error.value.message_dict) == ["journey_planner_url"]


@pytest.mark.parametrize(
    "value",
    ["", "https://www.sbb.ch/en?stops=to:{address}", "https://p.example.org/{lat}/{lon}?x=1"],
)
def test_good_journey_planner_addresses_pass(value):
    validate_journey_planner_url(value)
