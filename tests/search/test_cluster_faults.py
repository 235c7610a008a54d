"""A search cluster that refuses or never answers, with the real Elasticsearch backend:
publishing succeeds and asks it once, then skips it; search answers from the database."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.images.tests.utils import get_test_image_file
from wagtail.search.backends import get_search_backend

from config.environment import cluster_backends
from services_directory.factories import ServicePageFactory
from tests.faults import closed_port, silent_server

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en", "pt"]


def cluster_at(port):
    return {
        "default": {"BACKEND": "search.backends.database"},
        # Production's backends (config/settings/production.py), with a short timeout.
        **cluster_backends(
            f"http://127.0.0.1:{port}", "elasticsearch8", LANGUAGES, index="test", timeout=0.3
        ),
    }


@pytest.fixture(params=["refusing", "silent"])
def cluster(request):
    """The cluster's silent server (None when it refuses connections)."""
    cache.clear()
    if request.param == "refusing":
        with override_settings(WAGTAILSEARCH_BACKENDS=cluster_at(closed_port())):
            yield None
    else:
        with (
            silent_server() as server,
            override_settings(WAGTAILSEARCH_BACKENDS=cluster_at(server.port)),
        ):
            yield server
    cache.clear()


def breaker():
    return get_search_backend("cluster-fr").breaker


def asked(server):
    return server.connections() if server is not None else None


def test_publishing_asks_a_failing_cluster_once_then_skips_it(site_tree, cluster, client):
    first = ServicePageFactory(parent=site_tree.directory, title="Publié malgré tout")
    first.save_revision().publish()
    assert breaker().is_open
    after_first = asked(cluster)
    second = ServicePageFactory(parent=site_tree.directory, title="Publié ensuite")
    second.save_revision().publish()
    second.unpublish()
    first.refresh_from_db()
    assert first.live
    assert asked(cluster) == after_first, "the cluster is left alone meanwhile"
    # The database index was updated: residents find the page while the cluster is down.
    response = client.get("/fr/search/", {"q": "malgré"})
    assert [page.title for page in response.context["results_page"].object_list] == [
        "Publié malgré tout"
    ]
    assert asked(cluster) == after_first


def test_an_object_every_language_indexes_asks_the_cluster_once(db, cluster):
    from wagtail.images.models import Image

    Image.objects.create(title="Plan d'accès", file=get_test_image_file())
    assert breaker().is_open
    if cluster is not None:
        assert cluster.connections() == 1
