"""The load test's journeys (benchmarks/journeys.py) are valid on the demo.

``make load`` sends them by thousands through nginx and gunicorn and counts every wrong
answer as an error; here each kind is run a few times through Django's test client, so a
journey that asks for a page that does not exist, or checks for the wrong thing, fails
here rather than as "errors" in a load figure. No Locust runs in the suite.
"""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, TestCase

from benchmarks.journeys import (
    DIRECTORY,
    LANGUAGE_WEIGHTS,
    RESIDENT_JOURNEYS,
    STOCK_JOURNEYS,
    STOCK_PAGE,
    Request,
    Site,
    discover,
    every_kind,
    problem,
    stock_site,
)

SEEDS = range(4)


def getter(client):
    def get(path):
        response = client.get(path, follow=True)
        return response.status_code, response.content.decode()

    return get


@pytest.mark.usefixtures("demo_site")
class ResidentJourneys(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Through JSON, as make load hands it to Locust.
        cls.site = Site.from_json(discover(getter(Client())).to_json())

    def test_discovery_finds_each_language_its_services_facets_and_files(self):
        self.assertEqual(set(self.site.homes), set(LANGUAGE_WEIGHTS))
        for language in LANGUAGE_WEIGHTS:
            with self.subTest(language=language):
                self.assertGreaterEqual(len(self.site.services[language]), 40)
                self.assertLessEqual(
                    {"theme", "audience", "access"}, dict(self.site.facets[language]).keys()
                )
                self.assertIn("/static/css/main.css", self.site.assets[language])
                self.assertTrue(self.site.queries[language])
        self.assertTrue(self.site.translations)

    def test_every_journey_gets_right_answers(self):
        get = getter(self.client)
        for seed in SEEDS:
            for kind, requests in every_kind(self.site, RESIDENT_JOURNEYS, seed).items():
                for request in requests:
                    with self.subTest(kind=kind, path=request.path):
                        if request.name == "static file":
                            # nginx serves them from STATIC_ROOT, where collectstatic puts them.
                            name = request.path.removeprefix(settings.STATIC_URL)
                            self.assertIsNotNone(finders.find(name))
                        else:
                            self.assertIsNone(problem(request, *get(request.path)))

    def test_a_switch_asks_for_the_same_service_in_another_language(self):
        for seed in SEEDS:
            first, switched = every_kind(self.site, RESIDENT_JOURNEYS, seed)["language_switch"]
            self.assertNotEqual(first.language, switched.language)
            self.assertEqual(self.site.translations[first.path][switched.language], switched.path)


def test_a_wrong_answer_is_named():
    request = Request("/fr/services/?theme=x", "directory with facets", "fr", DIRECTORY)
    right = f'<html lang="fr"><div {DIRECTORY}>'
    assert problem(request, 200, right) is None
    assert problem(request, 302, right) is None
    assert problem(request, 404, right) == "HTTP 404"
    assert problem(request, 500, right) == "HTTP 500"
    assert problem(request, 200, right.replace('"fr"', '"en"')) == "not in fr"
    assert problem(request, 200, '<html lang="fr"><p>Erreur</p>') == f"{DIRECTORY} missing"
    assert problem(Request("/static/css/main.css", "static file"), 200, "body{}") is None


def test_the_stock_site_is_visited_at_its_home_and_plain_pages():
    home = '<html lang="en"><link rel="stylesheet" type="text/css" href="/static/css/s.css">'
    site = Site.from_json(stock_site(lambda path: (200, home), pages=300).to_json())
    requests = [
        r for seed in SEEDS for rs in every_kind(site, STOCK_JOURNEYS, seed).values() for r in rs
    ]
    pages = {r.path for r in requests if r.name != "static file"}
    assert pages <= {"/", *(f"/page-{n}/" for n in range(1, 301))}
    assert {r.path for r in requests if r.name == "static file"} == {"/static/css/s.css"}
    assert {r.marker for r in requests if r.name != "static file"} == {STOCK_PAGE}
