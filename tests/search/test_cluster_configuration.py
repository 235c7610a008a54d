"""The search cluster configuration, and a real cluster when one is available."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from search.backends.cluster import CLUSTER_LANGUAGES, search_index_settings


def production_settings(**environment):
    code = (
        "import json, config.settings.production as s; "
        "print(json.dumps(s.WAGTAILSEARCH_BACKENDS, default=str))"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, **environment}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    return result


def test_every_language_with_a_stemmer_has_an_analyser():
    analysis = search_index_settings()["settings"]["index"]["analysis"]
    for code in CLUSTER_LANGUAGES:
        analyser = analysis["analyzer"][f"proxima_{code}"]
        for name in analyser["filter"]:
            assert name in analysis["filter"] or name in ("lowercase", "asciifolding")
    assert analysis["analyzer"]["default"]["filter"] == ["lowercase", "asciifolding"]


@pytest.mark.parametrize(
    "backend", ["elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"]
)
def test_production_uses_the_cluster_with_a_database_fallback(backend):
    result = production_settings(SEARCH_URL="https://search.example:9200", SEARCH_BACKEND=backend)
    backends = json.loads(result.stdout.strip().splitlines()[-1])
    assert backends["default"]["BACKEND"] == f"wagtail.search.backends.{backend}"
    assert backends["default"]["TIMEOUT"] == 3
    assert backends["fallback"]["BACKEND"] == "search.backends.database"


def test_production_refuses_an_unknown_backend():
    result = production_settings(SEARCH_URL="https://search.example:9200", SEARCH_BACKEND="solr")
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be one of" in result.stderr


def test_production_without_a_cluster_uses_the_database():
    result = production_settings(SEARCH_URL="")
    backends = json.loads(result.stdout.strip().splitlines()[-1])
    assert backends == {"default": {"BACKEND": "search.backends.database"}}


@pytest.mark.search_cluster
@pytest.mark.skipif(not os.environ.get("SEARCH_URL"), reason="no cluster: set SEARCH_URL")
@pytest.mark.django_db
def test_live_cluster_indexes_and_finds_a_page(site_tree, client, settings):
    from django.core.management import call_command

    from services_directory.factories import ServicePageFactory

    backend = os.environ.get("SEARCH_BACKEND", "elasticsearch8")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{backend}",
            "URLS": [os.environ["SEARCH_URL"]],
            "INDEX": "proxima-test",
            "INDEX_SETTINGS": search_index_settings(),
        }
    }
    ServicePageFactory(parent=site_tree.directory, title="Permanence logement")
    call_command("update_index", verbosity=0)
    response = client.get("/fr/search/", {"q": "logement"})
    assert [p.title for p in response.context["results_page"].object_list] == [
        "Permanence logement"
    ]
