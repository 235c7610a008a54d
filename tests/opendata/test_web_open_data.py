"""The web's own open data: sitemaps per language with alternates, robots.txt, JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import TestCase
from wagtail.models import Locale

from localization.sync import synchronise_all_trees
from localization.translate import translate_object
from places.factories import OrganisationFactory, PlaceFactory
from services_directory.factories import ServicePageFactory
from taxonomy.factories import SpokenLanguageFactory, ThemeFactory
from tests.conftest import build_site_tree

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


class OpenWebData(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_site_tree()
        cls.theme = ThemeFactory(name="Logement", slug="logement")
        cls.place = PlaceFactory(name="Pôle social d’Issy", commune="Issy-les-Moulineaux")
        cls.service = ServicePageFactory(
            parent=tree.directory,
            title="Permanence logement",
            slug="permanence-logement",
            summary="Trouver un logement & <garder> son bail.",
            themes=[cls.theme],
            places=[cls.place],
            spoken_languages=[SpokenLanguageFactory(code="ar", name="Arabe", name_local="العربية")],
            organisation=OrganisationFactory(name="Ville d’Issy"),
        )
        synchronise_all_trees()
        english = Locale.objects.get(language_code="en")
        cls.english_home = translate_object(tree.home, english, lambda text: f"EN {text}")

    def xml(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml; charset=utf-8")
        return ET.fromstring(response.content)  # noqa: S314 - our own sitemap

    def test_the_index_lists_one_sitemap_per_language_that_has_pages(self):
        index = self.xml("/sitemap.xml")
        locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
        self.assertEqual(
            locations,
            ["http://localhost/sitemap-fr.xml", "http://localhost/sitemap-en.xml"],
        )

    def test_a_language_lists_only_its_own_pages_with_alternates_and_x_default(self):
        french = self.xml("/sitemap-fr.xml")
        urls = {url.find(f"{SITEMAP}loc").text: url for url in french.iter(f"{SITEMAP}url")}
        self.assertIn("http://localhost/fr/services/permanence-logement/", urls)
        home = urls["http://localhost/fr/"]
        alternates = {link.get("hreflang"): link.get("href") for link in home.iter(f"{XHTML}link")}
        self.assertEqual(
            alternates,
            {
                "fr": "http://localhost/fr/",
                "en": "http://localhost/en/",
                "x-default": "http://localhost/fr/",
            },
        )
        english = self.xml("/sitemap-en.xml")
        # The English home is a translation; the service is an untranslated copy: left out.
        self.assertEqual(
            [loc.text for loc in english.iter(f"{SITEMAP}loc")], ["http://localhost/en/"]
        )

    def test_a_language_without_pages_has_no_sitemap(self):
        self.assertEqual(self.client.get("/sitemap-ti.xml").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-xx.xml").status_code, 404)

    def test_robots_points_to_the_sitemap_and_keeps_searches_out(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        text = response.content.decode()
        self.assertIn("Sitemap: http://localhost/sitemap.xml", text)
        for rule in ("Disallow: /*/search/", "Disallow: /*/services/?", "Disallow: /admin/"):
            self.assertIn(rule, text)

    def json_ld(self):
        content = self.client.get(self.service.url).content.decode()
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
        self.assertEqual(len(scripts), 1)
        self.assertNotIn("<garder>", scripts[0])  # markup characters are escaped
        return json.loads(scripts[0])

    def test_a_service_page_describes_the_service_and_its_places(self):
        data = self.json_ld()
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "GovernmentService")
        self.assertEqual(data["name"], "Permanence logement")
        self.assertEqual(data["description"], "Trouver un logement & <garder> son bail.")
        self.assertEqual(data["provider"]["name"], "Ville d’Issy")
        self.assertEqual(data["areaServed"], [{"@type": "City", "name": "Issy-les-Moulineaux"}])
        self.assertEqual(data["availableLanguage"][0]["alternateName"], "ar")
        self.assertTrue(data["isAccessibleForFree"])
        monday = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "09:00",
            "closes": "12:00",
        }
        self.assertIn(monday, data["hoursAvailable"])
        place = data["availableChannel"][0]["serviceLocation"]
        self.assertEqual(place["@type"], "Place")
        self.assertEqual(place["address"]["addressLocality"], "Issy-les-Moulineaux")
        self.assertIn(monday, place["openingHoursSpecification"])
        self.assertEqual(place["geo"]["@type"], "GeoCoordinates")

    def test_the_content_security_policy_is_not_weakened(self):
        response = self.client.get(self.service.url)
        self.assertNotIn("unsafe-inline", response["Content-Security-Policy"])


@pytest.mark.django_db
def test_sitemaps_follow_an_edit(site_tree, client):
    assert b"/fr/services/" in client.get("/sitemap-fr.xml").content
    ServicePageFactory(parent=site_tree.directory, title="Nouveau", slug="nouveau")
    assert b"/fr/services/nouveau/" in client.get("/sitemap-fr.xml").content
