"""Every search engine SEARCH_BACKEND offers starts with the pinned clients.

Each engine's backend is built from the production settings' helper
(``config.environment.cluster_backends``), builds its index mapping, and creates, fills,
searches and deletes its index against a local stand-in that records the requests: what
the client library sends (and whether it accepts the calls Wagtail makes) is checked
without a live cluster.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from config.environment import SEARCH_ENGINES, cluster_backends
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage

# Enough of a cluster's answers for every call below, whichever the call.
ANSWER = {
    "acknowledged": True,
    "errors": False,
    "items": [],
    "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "took": 1,
    "timed_out": False,
}


class RecordingCluster(BaseHTTPRequestHandler):
    """Answers like an empty Elasticsearch/OpenSearch node; keeps (method, path, body)."""

    requests = None

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        # The Elasticsearch 8 client refuses a server that does not say what it is.
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        self.requests.append((self.command, self.path.split("?")[0], body))

    def do_GET(self):
        self.record()
        self.answer(200, json.dumps(ANSWER).encode())

    do_PUT = do_POST = do_DELETE = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture
def cluster():
    requests = []
    handler = type("Handler", (RecordingCluster,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
@pytest.mark.parametrize("engine", sorted(SEARCH_ENGINES))
def test_each_offered_engine_starts_builds_its_mapping_and_talks_to_a_cluster(
    engine, cluster, site_tree
):
    url, requests = cluster
    page = ServicePageFactory(parent=site_tree.directory, title="Aide aux démarches en ligne")
    backends = {
        "default": {"BACKEND": "search.backends.database"},
        **cluster_backends(url, engine, ["fr"], index="t"),
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        backend = get_search_backend("cluster-fr")
        mapping = backend.mapping_class(ServicePage).get_mapping()
        index = backend.get_index_for_model(ServicePage)
        assert index.name == "t_fr_wagtailcore_page"
        index.put()
        index.add_model(ServicePage)
        index.add_items(ServicePage, [page])
        index.refresh()
        assert list(backend.search("démarches", ServicePage)) == []
        index.delete()

    properties = mapping["properties"]
    assert {"title", "_all_text", "_edgengrams"} <= set(properties)
    sent = [(method, path) for method, path, _body in requests]
    assert sent[0] == ("PUT", "/t_fr_wagtailcore_page")
    # The index is created with the French analyser (search.backends.cluster).
    created = json.loads(requests[0][2])
    assert "stem_fr" in created["settings"]["analysis"]["filter"]
    assert ("PUT", "/t_fr_wagtailcore_page/_mapping") in sent
    bulk = next(body for method, path, body in requests if path.endswith("_bulk"))
    assert "Aide aux d\\u00e9marches en ligne" in bulk or "Aide aux démarches en ligne" in bulk
    assert ("POST", "/t_fr_wagtailcore_page/_refresh") in sent
    assert any(path == "/t_fr_wagtailcore_page/_search" for _method, path in sent)
    assert sent[-1] == ("DELETE", "/t_fr_wagtailcore_page")
