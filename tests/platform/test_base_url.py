"""One public address: BASE_URL, or the development server's on PORT (make run).

``set_site_address`` gives the default Site that address, so links in e-mails, printouts,
QR codes, the API and sitemaps all use it, whatever port the site runs on.
"""

import json
from io import StringIO
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.models import Site

from config.environment import base_url
from core.sites import site_address
from feedback.essentials import email_message
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

PORT = "8123"
BASE = f"http://127.0.0.1:{PORT}"


def test_the_address_follows_port_unless_base_url_is_set():
    assert base_url({}) == "http://127.0.0.1:8000"
    assert base_url({"PORT": PORT}) == BASE
    assert base_url({"PORT": PORT, "BASE_URL": "https://social.example.ch"}) == (
        "https://social.example.ch"
    )


@pytest.mark.parametrize(
    ("url", "address"),
    [
        (BASE, ("127.0.0.1", 8123)),
        ("https://social.example.ch/", ("social.example.ch", 443)),
        ("http://localhost", ("localhost", 80)),
    ],
)
def test_a_site_holds_the_address(url, address):
    assert site_address(url) == address


@pytest.mark.parametrize(
    "url", ["https://social.example.ch:8443", "http://example.ch/proxima/", "127.0.0.1:8000"]
)
def test_an_address_a_site_cannot_hold_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        site_address(url)


@pytest.fixture
def on_port(settings, site_tree):
    """The settings make run gives with PORT=8123, and the command it runs."""
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = base_url({"PORT": PORT})
    output = StringIO()
    call_command("set_site_address", stdout=output)
    return output.getvalue()


def test_the_command_moves_the_site_and_prints_the_addresses(on_port):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, BASE)
    assert f"Site:  {BASE}/" in on_port
    assert f"Admin: {BASE}/admin/" in on_port


def test_every_link_leaving_the_site_uses_the_address(client, on_port, site_tree):
    service = ServicePageFactory(parent=site_tree.directory, slug="permanence-impots")
    page_url = f"{BASE}/fr/services/permanence-impots/"
    # Printouts and their QR codes.
    with mock.patch("core.qr.qr_svg", return_value="") as qr_svg:
        html = client.get(service.url).content.decode()
    assert page_url in html
    assert {call.args[0] for call in qr_svg.call_args_list} == {page_url}
    # The e-mail a resident sends to their phone.
    request = RequestFactory().get(service.url)
    assert page_url in email_message(service, request, "moi@example.org").body
    # The API and the open data.
    api = client.get(f"/api/v2/pages/{service.pk}/").json()
    assert api["meta"]["html_url"] == page_url
    assert api["meta"]["detail_url"].startswith(f"{BASE}/api/v2/pages/")
    hsds = json.dumps(client.get("/api/hsds/v3/services").json())
    assert page_url in hsds
    # Sitemaps and robots.txt.
    assert f"<loc>{BASE}/sitemap-fr.xml</loc>" in client.get("/sitemap.xml").content.decode()
    assert f"<loc>{page_url}</loc>" in client.get("/sitemap-fr.xml").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in client.get("/robots.txt").content.decode()
    for text in (html, hsds, api.__repr__()):
        assert "localhost" not in text and "127.0.0.1:8000" not in text


def test_without_a_site_the_command_says_what_to_do():
    Site.objects.all().delete()
    with pytest.raises(CommandError, match="load_demo or setup_site"):
        call_command("set_site_address")
