"""Synonyms, promoted results, suggestions, no-result help and statistics."""

import datetime
import socket
import time
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from config.environment import cluster_backends
from kiosk.factories import KioskProfileFactory
from places.factories import PlaceFactory
from search import engine
from search.models import SearchSynonym, ZeroResultSearch
from search.query import Question
from services_directory.factories import ServicePageFactory, ThemePageFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db


def titles(response):
    return [page.title for page in response.context["results_page"].object_list]


@pytest.fixture
def housing(module_housing, site_tree):
    return read_again(module_housing)


@once_per_module
def module_housing(site_tree):
    return ServicePageFactory(parent=site_tree.directory, title="Aide au logement")


def test_synonym_finds_what_residents_call_it(housing, site_tree, client):
    assert titles(client.get("/fr/search/", {"q": "APL"})) == []
    SearchSynonym.objects.create(
        locale=site_tree.locale, term="APL", alternatives="aide au logement"
    )
    assert titles(client.get("/fr/search/", {"q": "apl"})) == ["Aide au logement"]


def test_synonyms_are_per_language(housing, site_tree, client):
    english = Locale.objects.get(language_code="en")
    SearchSynonym.objects.create(locale=english, term="APL", alternatives="aide au logement")
    assert titles(client.get("/fr/search/", {"q": "APL"})) == []


def test_promoted_result_comes_first(housing, site_tree, client):
    other = ServicePageFactory(parent=site_tree.directory, title="Permanence désendettement")
    query = Query.objects.create(query_string="loyer")
    SearchPromotion.objects.create(
        query=query, page=other, sort_order=0, description="Loyers impayés"
    )
    response = client.get("/fr/search/", {"q": "Loyer"})
    assert [p.page.pk for p in response.context["promotions"]] == [other.pk]
    assert "Loyers impayés" in response.content.decode()


def test_searching_does_not_store_the_query_as_a_promotion(housing, client):
    client.get("/fr/search/", {"q": "quelque chose de privé"})
    assert not Query.objects.exists()


def test_a_misspelt_word_is_searched_corrected_and_the_page_says_so(housing, client):
    response = client.get("/fr/search/", {"q": "logemnt"})
    assert titles(response) == ["Aide au logement"]
    assert response.context["searched"].text == "logement"
    content = response.content.decode()
    assert "Résultats pour « logement »" in content
    assert "?q=logemnt&amp;exact=1" in content
    exact = client.get("/fr/search/", {"q": "logemnt", "exact": "1"})
    assert titles(exact) == []


def test_no_results_offers_the_phone_and_the_themes(housing, site_tree, client):
    ThemePageFactory(parent=site_tree.home, title="Logement")
    content = client.get("/fr/search/", {"q": "zzqxv"}).content.decode()
    assert "Essayez d’autres mots" in content
    assert "Logement</a>" in content


def test_corrections_know_a_page_published_a_moment_ago(housing, site_tree, client):
    assert client.get("/fr/search/", {"q": "jardinnage"}).context["searched"].text == "jardinnage"
    ThemePageFactory(parent=site_tree.home, title="Jardinage")
    assert client.get("/fr/search/", {"q": "jardinnage"}).context["searched"].text == "jardinage"


def test_a_query_that_finds_results_is_never_corrected(housing, site_tree, client):
    ServicePageFactory(parent=site_tree.directory, title="Logemnt des jeunes")
    response = client.get("/fr/search/", {"q": "logemnt"})
    assert response.context["searched"].text == "logemnt"
    assert titles(response) == ["Logemnt des jeunes"]


def test_autocomplete_suggests_titles(housing, client):
    data = client.get("/fr/search/suggest/", {"q": "loge"}).json()
    assert data["suggestions"][0]["title"] == "Aide au logement"
    assert data["suggestions"][0]["url"] == housing.url


class TestZeroResultStatistics:
    def test_counts_are_aggregated_per_day_without_visitor_data(self, housing, site_tree, client):
        for _visit in range(3):
            client.get("/fr/search/", {"q": "Garde d’enfants"})
        entry = ZeroResultSearch.objects.get()
        # Lowercased words only: the apostrophe and capitals are gone.
        assert (entry.query, entry.count) == ("garde d enfants", 3)
        assert {f.name for f in ZeroResultSearch._meta.get_fields()} == {
            "id",
            "locale",
            "query",
            "day",
            "count",
        }

    def test_personal_looking_queries_are_not_recorded(self, housing, client):
        client.get("/fr/search/", {"q": "jean.dupont@example.org"})
        client.get("/fr/search/", {"q": "0791234567"})
        client.get("/fr/search/", {"q": "+41 79 123 45 67"})
        client.get("/fr/search/", {"q": "dossier 12 34 56"})
        assert not ZeroResultSearch.objects.exists()

    def test_a_postcode_is_not_personal(self, housing, client):
        client.get("/fr/search/", {"q": "permanence 1214"})
        assert ZeroResultSearch.objects.get().query == "permanence 1214"

    def test_found_queries_are_not_recorded(self, housing, client):
        client.get("/fr/search/", {"q": "logement"})
        assert not ZeroResultSearch.objects.exists()

    def test_old_counts_are_purged_after_the_retention(self, housing, site_tree, settings):
        settings.SEARCH_STATS_RETENTION_DAYS = 90
        today = datetime.date(2026, 11, 22)
        ZeroResultSearch.objects.create(
            locale=site_tree.locale,
            query="ancienne",
            day=today - datetime.timedelta(days=91),
            count=4,
        )
        ZeroResultSearch.objects.create(
            locale=site_tree.locale,
            query="récente",
            day=today - datetime.timedelta(days=89),
            count=2,
        )
        ZeroResultSearch.record(site_tree.locale, Question.parse("nouvelle", "fr"), today=today)
        assert set(ZeroResultSearch.objects.values_list("query", flat=True)) == {
            "récente",
            "nouvelle",
        }
        ZeroResultSearch.objects.create(
            locale=site_tree.locale, query="expirée", day=datetime.date.today().replace(year=2000)
        )
        call_command("purge_search_stats", stdout=StringIO())
        assert not ZeroResultSearch.objects.filter(query="expirée").exists()

    def test_kiosk_searches_are_not_recorded(self, housing, rf, site_tree):
        from search.views import search

        request = rf.get("/fr/search/", {"q": "introuvable"})
        request.kiosk_profile = KioskProfileFactory(place=PlaceFactory(locale=site_tree.locale))
        search(request).render()
        assert not ZeroResultSearch.objects.exists()
        del request.kiosk_profile
        search(request).render()
        assert ZeroResultSearch.objects.get().query == "introuvable"

    def test_report_lists_the_most_frequent_seen_at_least_three_times(
        self, housing, site_tree, client, django_user_model
    ):
        today = datetime.date.today()
        for query, day, count in [
            ("rare", today, 1),
            ("deux fois", today, 2),
            ("souvent", today, 9),
            ("sur deux jours", today, 2),
            ("sur deux jours", today - datetime.timedelta(days=1), 1),
        ]:
            ZeroResultSearch.objects.create(
                locale=site_tree.locale, query=query, day=day, count=count
            )
        client.force_login(
            django_user_model.objects.create_superuser("boss", "b@example.org", "pw")
        )
        response = client.get("/admin/reports/searches-without-results/")
        rows = response.context["object_list"]
        assert [(row["query"], row["total"]) for row in rows] == [
            ("souvent", 9),
            ("sur deux jours", 3),
        ]
        assert (rows[1]["first_day"], rows[1]["last_day"], rows[1]["language_name"]) == (
            today - datetime.timedelta(days=1),
            today,
            site_tree.locale.get_display_name(),
        )
        exported = b"".join(client.get("/admin/reports/searches-without-results/?export=csv"))
        assert f"sur deux jours,fr,3,{today - datetime.timedelta(days=1)},{today}" in (
            exported.decode("utf-8-sig")
        )

    def test_new_wordings_stop_being_recorded_when_the_day_is_full(self, site_tree, monkeypatch):
        monkeypatch.setattr("search.models.MAX_ROWS_PER_DAY", 2)
        today = datetime.date(2026, 11, 23)
        for words in ["premier", "second", "troisième", "premier"]:
            ZeroResultSearch.record(site_tree.locale, Question.parse(words, "fr"), today=today)
        counts = dict(ZeroResultSearch.objects.values_list("query", "count"))
        assert counts == {"premier": 2, "second": 1}, "known wordings are still counted"
        tomorrow = today + datetime.timedelta(days=1)
        ZeroResultSearch.record(site_tree.locale, Question.parse("troisième", "fr"), tomorrow)
        assert ZeroResultSearch.objects.filter(day=tomorrow).count() == 1

    def test_statistics_are_kept_thirty_days_by_default(self):
        from config.settings import base

        assert base.SEARCH_STATS_RETENTION_DAYS <= 30


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unreachable_cluster():
    return {
        "default": {"BACKEND": "search.backends.database"},
        **cluster_backends(
            f"http://127.0.0.1:{closed_port()}", "elasticsearch8", ["fr", "pt"], index="test"
        ),
    }


@pytest.fixture
def cluster_down():
    """A cluster configured on a closed local port: connections are refused for real."""
    cache.clear()
    with override_settings(WAGTAILSEARCH_BACKENDS=unreachable_cluster()):
        yield
    cache.clear()


def test_search_falls_back_to_the_database_when_the_cluster_is_unreachable(
    housing, client, cluster_down
):
    started = time.monotonic()
    response = client.get("/fr/search/", {"q": "logement"})
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert titles(response) == ["Aide au logement"]
    assert not response.context["search_failed"]
    print(f"answered in {elapsed:.2f} s with the cluster down")  # figure for the report


def test_after_a_failure_the_cluster_is_paused(housing, client, cluster_down):
    cluster = get_search_backend(engine.cluster_backend_name("fr"))
    assert not cluster.breaker.is_open
    client.get("/fr/search/", {"q": "logement"})
    assert cluster.breaker.is_open
    assert titles(client.get("/fr/search/", {"q": "logement"})) == ["Aide au logement"]


def test_suggestions_fall_back_too(housing, client, cluster_down):
    data = client.get("/fr/search/suggest/", {"q": "loge"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Aide au logement"]


def test_publishing_works_when_the_cluster_is_unreachable(site_tree, cluster_down, client):
    page = ServicePageFactory(parent=site_tree.directory, title="Publié malgré tout")
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    # The database index was updated on publish, so the page is found while the cluster is down.
    assert titles(client.get("/fr/search/", {"q": "malgré"})) == ["Publié malgré tout"]


def test_synonyms_replace_whole_words_only(site_tree):
    SearchSynonym.objects.create(locale=site_tree.locale, term="PC", alternatives="prestations")

    def expansions(text):
        question = Question.parse(text, "fr")
        return [q.text for q in SearchSynonym.expansions(question, site_tree.locale)]

    assert expansions("PC familles") == ["prestations familles"]
    assert expansions("pcs familles") == []
    assert expansions("apc pc") == ["apc prestations"]
