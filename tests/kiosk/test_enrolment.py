"""Enrolment: only a screen given its kiosk's secret address becomes that kiosk.

A link to /kiosk/<short name>/ sent to a resident must not turn their phone into a
kiosk, which would hide "Exit this page" on sensitive pages and rewrite links.
"""

import importlib
import json
import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.core.signing import get_cookie_signer
from django.test import override_settings

from kiosk.factories import KioskProfileFactory
from kiosk.middleware import COOKIE_NAME, COOKIE_SALT
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def in_kiosk_mode(client):
    return "is-kiosk" in client.get("/fr/").content.decode()


@pytest.mark.parametrize("query", ["", "?key=", "?key=guessed", "?other=1"])
def test_the_start_address_without_the_key_is_refused_with_an_explanation(client, profile, query):
    response = client.get(f"/kiosk/{profile.slug}/{query}", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    html = response.content.decode()
    assert "Cette adresse est réservée aux écrans de nos pôles" in html
    assert "no-store" in response["Cache-Control"]
    assert not in_kiosk_mode(client)


def test_the_enrolment_address_starts_the_kiosk_and_leaves_the_key_behind(client, profile):
    response = client.get(profile.enrolment_url())
    assert response.status_code == 302
    assert profile.enrolment_key not in response["Location"]
    assert in_kiosk_mode(client)


def test_an_enrolled_screen_starts_over_without_the_key(kiosk_client, profile):
    response = kiosk_client.get(f"/kiosk/{profile.slug}/")
    assert response.status_code == 302
    assert COOKIE_NAME in response.cookies
    assert in_kiosk_mode(kiosk_client)


def test_being_one_kiosk_does_not_open_another(kiosk_client, hub):
    other = KioskProfileFactory(place=hub, slug="issy-etage")
    assert kiosk_client.get(f"/kiosk/{other.slug}/").status_code == 403
    assert kiosk_client.get(other.enrolment_url()).status_code == 302


def test_a_new_key_takes_enrolled_screens_out_of_kiosk_mode(kiosk_client, profile):
    old_url = profile.enrolment_url()
    profile.rotate_enrolment_key()
    assert not in_kiosk_mode(kiosk_client)
    assert kiosk_client.get(f"/kiosk/{profile.slug}/").status_code == 403
    assert kiosk_client.get(old_url).status_code == 403
    assert kiosk_client.get(profile.enrolment_url()).status_code == 302
    assert in_kiosk_mode(kiosk_client)


def test_a_cookie_signed_before_enrolment_keys_is_ignored(client, profile):
    signed_slug = get_cookie_signer(salt=COOKIE_NAME + COOKIE_SALT).sign(profile.slug)
    client.cookies[COOKIE_NAME] = signed_slug
    assert not in_kiosk_mode(client)


@override_settings(KIOSK_ENROLMENT_KEY_REQUIRED=False)
def test_the_demo_setting_lets_the_plain_address_start_a_kiosk(client, profile):
    assert client.get(f"/kiosk/{profile.slug}/").status_code == 302
    assert in_kiosk_mode(client)


def test_only_the_demo_relaxes_enrolment_and_production_cookies_are_secure():
    code = (
        "import json, importlib; print(json.dumps({name: [getattr(importlib.import_module("
        "'config.settings.' + name), setting) for setting in ('KIOSK_ENROLMENT_KEY_REQUIRED', "
        "'KIOSK_COOKIE_SECURE')] for name in ('dev', 'production')}))"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert json.loads(result.stdout) == {"dev": [False, False], "production": [True, True]}
    assert settings.KIOSK_ENROLMENT_KEY_REQUIRED, "the test settings, as production"


@override_settings(KIOSK_COOKIE_SECURE=True)
def test_the_cookie_is_secure_when_the_setting_says_so(client, profile):
    assert client.get(profile.enrolment_url()).cookies[COOKIE_NAME]["secure"]


def test_each_profile_has_its_own_long_key(hub):
    first, second = KioskProfileFactory(place=hub), KioskProfileFactory(place=hub)
    assert first.enrolment_key != second.enrolment_key
    assert len(first.enrolment_key) >= 40


def test_the_migration_gives_existing_profiles_each_their_own_key(hub):
    profiles = [KioskProfileFactory(place=hub, enrolment_key="shared") for _n in range(2)]
    migration = importlib.import_module("kiosk.migrations.0002_kiosk_profiles_enrolment_key")
    migration.give_each_profile_its_own_key(apps, None)
    keys = {profile.__class__.objects.get(pk=profile.pk).enrolment_key for profile in profiles}
    assert len(keys) == 2
    assert "shared" not in keys


def test_kiosk_links_prints_each_enrolment_address(profile, capsys):
    call_command("kiosk_links", base_url="https://proxima.example.org/")
    line = capsys.readouterr().out.strip()
    assert (
        line
        == f"issy-hall\thttps://proxima.example.org/kiosk/issy-hall/?key={profile.enrolment_key}"
    )


def test_kiosk_links_rotates_a_key(profile, capsys):
    call_command("kiosk_links", rotate="issy-hall")
    profile.refresh_from_db()
    assert profile.enrolment_url() in capsys.readouterr().out
    old_key = profile.enrolment_key
    call_command("kiosk_links", rotate="issy-hall")
    profile.refresh_from_db()
    assert profile.enrolment_key != old_key
    with pytest.raises(CommandError):
        call_command("kiosk_links", rotate="nowhere")


@pytest.fixture
def sensitive_service(site_tree, hub):
    return ServicePageFactory(
        parent=site_tree.directory, title="Violences conjugales", places=[hub], is_sensitive=True
    )


def test_exit_this_page_stays_on_a_kiosk_and_starts_the_screen_over(
    kiosk_client, sensitive_service
):
    html = kiosk_client.get(sensitive_service.url).content.decode()
    assert 'href="/kiosk/issy-hall/" data-exit-link data-exit-kiosk>' in html
    assert "js/tools/exit-page.js" in html
    assert settings.EXIT_THIS_PAGE_URL not in html, "an outside site would be a QR code"
