"""The search cluster: production settings, one analysed index per language, a live run.

No cluster runs on the development machine: the index routing is tested with the
client's bulk call captured; tests against a real cluster run when SEARCH_URL is set.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from config.environment import cluster_backends
from core import breaker
from search.backends.cluster import CLUSTER_LANGUAGES, language_analysis

ENGINES = ["elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"]


def production_settings(**environment):
    code = (
        "import json, config.settings.production as s; "
        "print(json.dumps(s.WAGTAILSEARCH_BACKENDS, default=str))"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, **environment}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_production_has_one_cluster_backend_per_language_and_the_database(engine):
    result = production_settings(SEARCH_URL="https://search.example:9200", SEARCH_BACKEND=engine)
    backends = json.loads(result.stdout.strip().splitlines()[-1])
    assert backends["default"] == {"BACKEND": "search.backends.database"}
    languages = [code for code, _name in settings.LANGUAGES]
    assert sorted(backends) == sorted(["default", *(f"cluster-{code}" for code in languages)])
    portuguese = backends["cluster-pt"]
    assert (portuguese["ENGINE"], portuguese["LANGUAGE"]) == (engine, "pt")
    assert portuguese["URLS"] == ["https://search.example:9200"]
    assert portuguese["TIMEOUT"] <= 3
    assert portuguese["OPTIONS"]["max_retries"] == 0


def test_production_refuses_an_unknown_backend():
    result = production_settings(SEARCH_URL="https://search.example:9200", SEARCH_BACKEND="solr")
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be one of" in result.stderr


def test_production_without_a_cluster_uses_the_database():
    result = production_settings(SEARCH_URL="")
    backends = json.loads(result.stdout.strip().splitlines()[-1])
    assert backends == {"default": {"BACKEND": "search.backends.database"}}


@pytest.mark.parametrize("code", sorted(CLUSTER_LANGUAGES))
def test_each_stemmed_language_analyses_with_its_own_stemmer(code):
    analysis = language_analysis(code)
    chain = analysis["analyzer"]["default"]["filter"]
    stemmer, stopwords = CLUSTER_LANGUAGES[code]
    assert analysis["filter"][f"stem_{code}"] == {"type": "stemmer", "language": stemmer}
    assert analysis["filter"][f"stop_{code}"]["stopwords"] == stopwords
    # Stop words before stemming, accents folded last so stemmers see real words.
    assert chain.index(f"stop_{code}") < chain.index(f"stem_{code}") < chain.index("asciifolding")


def test_languages_without_a_stemmer_fold_case_and_accents_only():
    for code in ("sq", "uk", "ta", "ti"):
        assert language_analysis(code)["analyzer"]["default"]["filter"] == [
            "lowercase",
            "asciifolding",
        ]


def test_french_removes_elisions_first():
    assert language_analysis("fr")["analyzer"]["default"]["filter"][0] == "elision_fr"


CLUSTER = cluster_backends("http://127.0.0.1:9", "elasticsearch8", ["fr", "pt"], index="t")


@pytest.fixture
def two_language_cluster(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        **CLUSTER,
        "default": {"BACKEND": "search.backends.database"},
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("two_language_cluster")
class TestOneIndexPerLanguage:
    def backend(self, code, sent):
        backend = get_search_backend(f"cluster-{code}")
        backend.bulk = lambda es, actions, index: sent.extend((index, a["pk"]) for a in actions)
        return backend

    def test_the_index_settings_use_the_language_analyser(self):
        analysis = get_search_backend("cluster-pt").settings["settings"]["analysis"]
        assert analysis["analyzer"]["default"] == language_analysis("pt")["analyzer"]["default"]
        assert analysis["filter"]["stem_pt"]["language"] == "light_portuguese"
        # Wagtail's own autocomplete analysers are kept.
        assert "edgengram_analyzer" in analysis["analyzer"]

    def test_each_language_writes_only_its_own_pages_into_its_own_index(self, housing_pages):
        french, portuguese = housing_pages
        breaker.reset_all()  # creating the pages found nothing at port 9
        sent = []
        for code in ("fr", "pt"):
            self.backend(code, sent).add_bulk(type(french), [french, portuguese])
        assert sent == [
            ("t_fr_wagtailcore_page", str(french.pk)),
            ("t_pt_wagtailcore_page", str(portuguese.pk)),
        ]

    def test_publishing_or_deleting_a_page_touches_its_language_index_only(
        self, housing_pages, monkeypatch
    ):
        french, _portuguese = housing_pages
        # Creating the pages found nothing at port 9 and left the cluster alone since
        # (core.breaker); here its client's calls are captured instead.
        breaker.reset_all()
        calls = []
        for code in ("fr", "pt"):
            backend = get_search_backend(f"cluster-{code}")
            for method in ("index", "delete"):
                monkeypatch.setattr(
                    backend.es,
                    method,
                    lambda method=method, **kw: calls.append((method, kw["index"])),
                )
            backend.add(french)
            backend.delete(french)
        assert calls == [("index", "t_fr_wagtailcore_page"), ("delete", "t_fr_wagtailcore_page")]

    def test_objects_without_a_locale_go_to_every_language(self):
        from wagtail.documents.models import Document

        document = Document(pk=7, title="Formulaire")
        sent = []
        for code in ("fr", "pt"):
            self.backend(code, sent).get_index_for_model(Document).add_items(Document, [document])
        assert [index for index, _pk in sent] == [
            "t_fr_wagtaildocs_document",
            "t_pt_wagtaildocs_document",
        ]


@pytest.mark.search_cluster
@pytest.mark.skipif(not os.environ.get("SEARCH_URL"), reason="no cluster: set SEARCH_URL")
@pytest.mark.django_db
def test_live_cluster_stems_each_language_in_its_own_index(housing_pages, client):
    from django.core.management import call_command

    engine = os.environ.get("SEARCH_BACKEND", "elasticsearch8")
    backends = {
        "default": {"BACKEND": "search.backends.database"},
        **cluster_backends(os.environ["SEARCH_URL"], engine, ["fr", "pt"], index="proxima-test"),
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        for name in ("cluster-fr", "cluster-pt"):
            call_command("update_index", backend_name=name, verbosity=0)
        french = client.get("/fr/search/", {"q": "logements"})
        portuguese = client.get("/pt/search/", {"q": "habitações"})
    assert [p.title for p in french.context["results_page"].object_list] == ["Aide au logement"]
    assert [p.title for p in portuguese.context["results_page"].object_list] == [
        "Ajuda à habitação"
    ]
