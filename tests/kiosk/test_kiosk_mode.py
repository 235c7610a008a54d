"""Entering and leaving kiosk mode, the screens, and what a kiosk response carries."""

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info

from kiosk.middleware import COOKIE_NAME
from search.models import ZeroResultSearch

pytestmark = pytest.mark.django_db


def test_start_address_sets_a_signed_httponly_cookie_and_shows_the_languages(client, profile):
    response = client.get(profile.enrolment_url())
    assert response.status_code == 302
    assert response["Location"] == "/kiosk/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"], "plain HTTP outside production"
    assert cookie.value.startswith("issy-hall:"), "the slug and the key's fingerprint"
    assert profile.enrolment_key not in cookie.value
    assert cookie.value != f"issy-hall:{profile.enrolment_fingerprint()}", "it must be signed"
    assert "no-store" in response["Cache-Control"]


def test_unknown_profile_is_a_404(client, site_tree):
    # Django's LocaleMiddleware first tries the address under /fr/, which is a 404 too.
    response = client.get("/kiosk/nowhere/", follow=True)
    assert response.status_code == 404
    assert COOKIE_NAME not in client.cookies


def test_tampered_cookie_is_ignored(client, profile):
    client.cookies[COOKIE_NAME] = "issy-hall"
    assert client.get("/kiosk/", follow=True).status_code == 404
    page = client.get("/fr/").content.decode()
    assert "is-kiosk" not in page


def test_language_choice_names_each_language_in_itself(kiosk_client):
    response = kiosk_client.get("/kiosk/")
    html = response.content.decode()
    assert response.status_code == 200
    arabic = get_language_info("ar")["name_local"]
    assert f'href="/ar/kiosk/" lang="ar" hreflang="ar" dir="rtl">{arabic}</a>' in html
    assert 'href="/fr/kiosk/" lang="fr" hreflang="fr">français</a>' in html
    assert html.count('class="kiosk-languages__choice"') == len(settings.LANGUAGES)


def test_kiosk_home_lists_the_hub_services_with_todays_hours(kiosk_client, hub_service):
    html = kiosk_client.get("/fr/kiosk/").content.decode()
    assert "Aide aux démarches en ligne" in html
    # The factory's hub opens Monday to Friday, 09:00–12:00 and 13:30–17:00.
    if timezone.localdate().weekday() < 5:
        assert '<span dir="ltr">09:00–12:00</span>, <span dir="ltr">13:30–17:00</span>' in html
    else:
        assert "Fermé aujourd’hui" in html or "Closed today" in html
    assert 'id="kiosk-search-input"' in html


def test_every_kiosk_page_has_start_over_and_help_and_no_admin(kiosk_client, hub_service):
    for url in ["/kiosk/", "/fr/kiosk/", "/fr/services/", "/fr/services/aide-demarches/"]:
        html = kiosk_client.get(url).content.decode()
        assert 'href="/kiosk/issy-hall/" data-kiosk-restart' in html, url
        assert "Demandez à l’accueil, guichet 2" in html, url
        assert 'href="/admin/' not in html, url
        assert 'class="is-kiosk' in html or ' is-kiosk"' in html, url


def test_resident_flows_set_no_cookie_and_are_not_stored(kiosk_client, hub_service):
    for url in [
        "/kiosk/",
        "/fr/kiosk/",
        "/fr/search/?q=logement",
        "/fr/search/suggest/?q=aide",
        "/fr/services/?q=aide",
        "/fr/services/aide-demarches/",
    ]:
        response = kiosk_client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, list(response.cookies))
        assert "no-store" in response["Cache-Control"], url


def test_start_over_ends_any_server_session(kiosk_client, profile):
    session = kiosk_client.session
    session["left-behind"] = "x"
    session.save()
    key = session.session_key
    kiosk_client.get("/kiosk/issy-hall/")
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()


def test_exit_leaves_kiosk_mode(kiosk_client):
    response = kiosk_client.get("/kiosk/exit/")
    assert response.cookies[COOKIE_NAME].value == ""
    assert '"storage"' in response["Clear-Site-Data"]
    assert "is-kiosk" not in kiosk_client.get("/fr/").content.decode()


def test_kiosk_searches_are_not_counted(client, kiosk_client, site_tree):
    kiosk_client.get("/fr/search/?q=zzqxv")
    assert not ZeroResultSearch.objects.exists()
    kiosk_client.cookies.clear()
    kiosk_client.get("/fr/search/?q=zzqxv")
    assert ZeroResultSearch.objects.count() == 1


def test_print_button_only_with_a_printer(kiosk_client, profile, hub_service):
    url = "/fr/services/aide-demarches/"
    assert "data-print" not in kiosk_client.get(url).content.decode()
    profile.has_printer = True
    profile.save()
    assert "data-print" in kiosk_client.get(url).content.decode()


def test_ordinary_visitors_still_see_the_print_button(client, hub_service):
    assert "data-print" in client.get("/fr/services/aide-demarches/").content.decode()


def test_service_worker_may_control_the_whole_site(kiosk_client):
    response = kiosk_client.get("/kiosk/sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Content-Type"].startswith("text/javascript")
    assert b'addEventListener("fetch"' in b"".join(response.streaming_content)


def test_precache_lists_this_languages_key_pages(kiosk_client, hub_service):
    urls = kiosk_client.get("/ar/kiosk/precache.json").json()["urls"]
    assert "/ar/kiosk/" in urls
    assert "/ar/kiosk/offline/" in urls
    assert "/kiosk/" in urls
    assert "/static/css/kiosk.css" in urls
    assert not [url for url in urls if "?q=" in url]


@pytest.mark.parametrize(
    ("language", "font", "expected"),
    [
        ("ta", "noto-sans-tamil.woff2", True),
        ("ti", "noto-sans-ethiopic.woff2", True),
        ("fr", "noto-sans-tamil.woff2", False),
    ],
)
def test_precache_keeps_the_fonts_a_language_needs(kiosk_client, language, font, expected):
    urls = kiosk_client.get(f"/{language}/kiosk/precache.json").json()["urls"]
    assert (f"/static/fonts/{font}" in urls) is expected
    assert "/static/fonts/noto-sans-tamil-name.woff2" in urls


def test_precache_needs_kiosk_mode(client, site_tree):
    assert client.get("/fr/kiosk/precache.json").status_code == 404


def test_ordinary_pages_vary_on_cookie(client, site_tree):
    assert "Cookie" in client.get("/fr/")["Vary"]


def test_kiosk_pages_offer_no_report_form(kiosk_client, client, hub_service):
    # The form would set a CSRF cookie on a shared screen; residents ask at the desk.
    assert "report-a-problem" not in kiosk_client.get(hub_service.url).content.decode()
