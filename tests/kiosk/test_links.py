"""Links on kiosk pages: outside links become QR codes, allow-listed procedures open."""

import pytest
from django.test import RequestFactory

from kiosk.factories import KioskProfileFactory
from kiosk.links import rewrite_links, short_address

pytestmark = pytest.mark.django_db


@pytest.fixture
def rewrite(db):
    profile = KioskProfileFactory.build(allowed_procedures="https://www.ge.ch/e-demarches")
    request = RequestFactory().get("/fr/services/x/")
    return lambda html: rewrite_links(html, request, profile)


def test_outside_link_becomes_text_qr_code_and_short_address(rewrite):
    html = rewrite('<p>Voir <a href="https://www.ahv-iv.ch/fr/" rel="noopener">l’AI</a>.</p>')
    assert "<a " not in html
    assert "l’AI" in html
    assert '<svg class="qr-code" role="img"' in html
    assert "<title>" in html and "ahv-iv.ch/fr" in html
    assert '<span class="kiosk-link__address" dir="ltr">ahv-iv.ch/fr</span>' in html


def test_allow_listed_procedure_stays_and_opens_in_the_same_tab(rewrite):
    html = rewrite('<a href="https://www.ge.ch/e-demarches/login" target="_blank">Se connecter</a>')
    assert html == '<a href="https://www.ge.ch/e-demarches/login">Se connecter</a>'


def test_site_links_stay_as_they_are(rewrite):
    source = '<a href="/fr/services/" class="x">Services</a> <a href="#main">Aller</a>'
    assert rewrite(source) == source
    absolute = '<a href="http://testserver/fr/">Accueil</a>'
    assert rewrite(absolute) == absolute


@pytest.mark.parametrize(
    "href", ["tel:+41223060670", "mailto:accueil@vernier.ch", "javascript:alert(1)", "/admin/"]
)
def test_other_applications_and_the_admin_become_plain_text(rewrite, href):
    html = rewrite(f'<a href="{href}">texte</a>')
    assert html == '<span class="kiosk-link kiosk-link--text">texte</span>'


def test_downloads_are_shown_as_a_qr_code(rewrite):
    html = rewrite('<a href="/documents/12/formulaire.pdf">Formulaire</a>')
    assert "<a " not in html and 'class="qr-code"' in html


def test_scheme_relative_address_is_outside(rewrite):
    assert "<a " not in rewrite('<a href="//evil.example/">x</a>')


def test_several_links_and_multiline_markup(rewrite):
    html = rewrite(
        '<ul>\n<li><a href="/fr/">Un</a></li>\n<li><a\n href="https://caf.fr/">Deux</a></li>\n'
        '<li><A HREF="/fr/services/">Trois</A></li></ul>'
    )
    assert html.lower().count("<a ") == 2 and "Trois</a>" in html
    assert "Deux" in html and html.count("qr-code") == 1


def test_long_addresses_are_shortened_for_reading():
    address = short_address("https://www.caf.fr/allocataires/aides-et-demarches/droits/rsa")
    assert address.startswith("caf.fr/allocataires/") and address.endswith("…")
    assert len(address) == 40


def test_service_page_in_kiosk_mode(kiosk_client, hub_service):
    html = kiosk_client.get("/fr/services/aide-demarches/").content.decode()
    assert 'href="https://www.ge.ch/e-demarches-particuliers/"' in html
    assert 'href="https://www.ahv-iv.ch/fr/"' not in html
    assert "ahv-iv.ch/fr" in html
    assert 'href="tel:' not in html


def test_ordinary_visitors_keep_every_link(client, hub_service):
    html = client.get("/fr/services/aide-demarches/").content.decode()
    assert 'href="https://www.ahv-iv.ch/fr/"' in html
