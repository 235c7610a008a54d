"""What every resident page carries: language, direction, landmarks, switcher, footer."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_french_page_has_lang_dir_skip_link_and_landmarks(site_tree, client):
    content = client.get("/fr/").content.decode()
    assert '<html lang="fr" dir="ltr">' in content
    assert content.index('class="skip-link" href="#main-content"') < content.index("<header")
    for landmark in ("<header", "<nav", '<main id="main-content"', "<footer"):
        assert landmark in content


def test_arabic_page_is_right_to_left(site_tree, client, translated):
    home = translated(site_tree.home, "ar")
    response = client.get(home.url)
    assert response.status_code == 200
    assert html_tag(response) == '<html lang="ar" dir="rtl">'


def test_switcher_leads_to_the_same_service_in_each_language(service, client, translated):
    english = translated(service, "en")
    content = client.get(service.url).content.decode()
    assert f'href="{english.url}" lang="en" hreflang="en"' in content
    assert 'lang="ar" hreflang="ar" dir="rtl"' in content
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english.url}">' in content
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{service.url}">' in (
        content
    )
    assert 'aria-current="true">français</a>' in content


def test_service_page_shows_all_its_structured_data(service, client):
    content = client.get(service.url).content.decode()
    for expected in [
        "Aide aux démarches en ligne",
        "On vous aide sur internet.",
        "Pôle social d’Issy",
        "Issy-les-Moulineaux",
        "Tram",  # transit
        "Accès de plain-pied",
        "Formation du personnel",
        "Carte Vitale",
        'href="https://www.caf.fr/"',
        "2 € la séance",
        "العربية",
        "Mme Martin",
        'href="tel:+41223060660"',
        'class="hours-table"',
        'aria-current="date"',
    ]:
        assert expected in content, expected
    assert re.search(r"(Ouvert|Fermé|Open|Closed)", content)


def test_footer_lists_emergency_numbers_as_phone_links(service, client):
    content = client.get("/fr/").content.decode()
    assert 'href="tel:3919"' in content
    assert "Violences Femmes Info" in content


@pytest.mark.usefixtures("without_page_cache", "frozen_now")
def test_service_page_queries_do_not_grow_with_its_content(service, client):
    client.get(service.url)  # warm caches (site root, settings)
    with CaptureQueriesContext(connection) as few:
        client.get(service.url)
    for number in range(5):
        service.required_documents.create(document=f"Document {number}")
    with CaptureQueriesContext(connection) as more:
        client.get(service.url)
    assert len(more) == len(few)


def test_missing_page_is_a_translated_404(site_tree, client):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert html_tag(response) == '<html lang="en" dir="ltr">'


def meta_description(response):
    match = re.search(r'<meta name="description" content="([^"]*)">', response.content.decode())
    return match and match.group(1)


def test_meta_description_is_the_editors_else_the_summary(service, client):
    assert meta_description(client.get(service.url)) == (
        "Un conseiller vous aide pour vos démarches CAF et Ameli."
    )
    service.search_description = "Aide CAF et Ameli à Issy."
    service.save_revision().publish()
    assert meta_description(client.get(service.url)) == "Aide CAF et Ameli à Issy."


def test_meta_description_of_a_page_not_translated_is_in_the_visitors_language(
    service, client, translated
):
    translated(service.get_parent(), "ar")
    alias = service.copy_for_translation(Locale.objects.get(language_code="ar"), alias=True)
    description = meta_description(client.get(alias.url))
    assert description and "CAF" not in description
    assert any("\u0600" <= letter <= "\u06ff" for letter in description)


def test_search_page_has_a_translated_meta_description(site_tree, client):
    french = meta_description(client.get("/fr/search/"))
    english = meta_description(client.get("/en/search/"))
    assert french and english and french != english


def test_qr_codes_on_a_service_page_share_no_id(service, client):
    content = client.get(service.url).content.decode()
    assert content.count('class="qr-code"') == 2
    ids = re.findall(r'\sid="([^"]+)"', content)
    assert len(ids) == len(set(ids))
