"""``manage.py check_links`` against a local server: what answers, what is broken, and
the admin's "Broken links" report, per page."""

import contextlib
import http.server
import socket
import threading

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from feedback.links import addresses_of, ask
from feedback.models import CheckedLink
from places.factories import OrganisationFactory
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

PORTS = range(8400, 8500)


class Handler(http.server.BaseHTTPRequestHandler):
    seen = []

    def answer(self, with_body):
        self.seen.append((self.command, self.path, self.headers["User-Agent"]))
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/head-refused":  # servers that answer HEAD badly, GET well
            self.send_response(405 if self.command == "HEAD" else 200)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):
        self.answer(False)

    def do_GET(self):
        self.answer(True)

    def log_message(self, *args):
        pass


def bound(sock):
    """``sock`` bound to a free port of this worktree's range."""
    for port in PORTS:
        with contextlib.suppress(OSError):
            sock.bind(("127.0.0.1", port))
            return port
    raise RuntimeError("no free port in 8400-8499")


@pytest.fixture
def server():
    for port in PORTS:
        try:
            httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
        except OSError:
            continue
    Handler.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def silent():
    """A port that accepts connections and never answers."""
    with socket.socket() as sock:
        port = bound(sock)
        sock.listen(8)
        yield f"http://127.0.0.1:{port}/silent"


@pytest.fixture
def refused():
    """A port nobody listens on."""
    with socket.socket() as sock:
        port = bound(sock)
    return f"http://127.0.0.1:{port}/refused"


def test_answers_ok_redirect_missing_head_refused_timeout_refused(server, silent, refused):
    assert ask(f"{server}/ok", timeout=2) == (200, "")
    assert ask(f"{server}/moved", timeout=2) == (200, "")
    assert ask(f"{server}/missing", timeout=2) == (404, "")
    assert ask(f"{server}/head-refused", timeout=2) == (200, "")
    assert ask(silent, timeout=0.5) == (None, CheckedLink.Error.TIMEOUT)
    assert ask(refused, timeout=2) == (None, CheckedLink.Error.REFUSED)
    methods = [(method, path) for method, path, _agent in Handler.seen]
    # HEAD was enough for /ok (the GET that follows is the redirect's).
    assert methods[:3] == [("HEAD", "/ok"), ("HEAD", "/moved"), ("GET", "/ok")]
    assert ("HEAD", "/head-refused") in methods and ("GET", "/head-refused") in methods
    assert all(agent.startswith("Proxima link checker (+") for *_rest, agent in Handler.seen)


def test_addresses_found_in_fields_inlines_blocks_and_organisation(site_tree):
    service = ServicePageFactory(
        parent=site_tree.directory,
        organisation=OrganisationFactory(website="https://org.example/"),
        eligibility='<p>Voir <a href="https://eligibility.example/?a=1&amp;b=2">ici</a>.</p>',
        procedures=[("Déclarer", "https://procedure.example/")],
        body=[
            (
                "procedure_guide",
                {
                    "heading": "En ligne",
                    "url": "https://guide.example/",
                    "steps": [{"title": "Un", "instructions": "<p>Rien</p>"}],
                },
            )
        ],
    )
    assert set(addresses_of(service)) == {
        "https://org.example/",
        "https://eligibility.example/?a=1&b=2",
        "https://procedure.example/",
        "https://guide.example/",
    }


def test_command_stores_results_and_the_report_lists_broken_links_per_page(
    site_tree, server, silent, refused, settings, client, member_of
):
    settings.LINK_CHECK_TIMEOUT = 0.5
    settings.LINK_CHECK_HOST_DELAY = 0
    healthy = ServicePageFactory(
        parent=site_tree.directory, title="Sain", procedures=[("Ok", f"{server}/ok")]
    )
    broken = ServicePageFactory(
        parent=site_tree.directory,
        title="Cassé",
        procedures=[("Absent", f"{server}/missing"), ("Muet", silent), ("Fermé", refused)],
    )
    CheckedLink.objects.create(url="https://gone.example/", status=404, checked_at=timezone.now())

    call_command("check_links")

    links = {link.url: link for link in CheckedLink.objects.all()}
    assert set(links) == {f"{server}/ok", f"{server}/missing", silent, refused}
    assert (links[f"{server}/ok"].status, links[f"{server}/ok"].error) == (200, "")
    assert list(links[f"{server}/ok"].pages.all()) == [healthy.page_ptr]
    assert links[f"{server}/missing"].status == 404
    assert links[silent].error == CheckedLink.Error.TIMEOUT
    assert links[refused].error == CheckedLink.Error.REFUSED

    client.force_login(member_of("Editors"))
    response = client.get(reverse("broken_links"))
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert {(row.page_id, row.link.url) for row in rows} == {
        (broken.pk, f"{server}/missing"),
        (broken.pk, silent),
        (broken.pk, refused),
    }
    html = response.content.decode()
    assert "Absent" not in html and f'href="{server}/missing"' in html
    assert "Connexion refusée" in html
    assert reverse("wagtailadmin_pages:edit", args=[broken.pk]) in html

    dashboard = client.get("/admin/").content.decode()
    panel = dashboard.split('id="to-handle-heading"')[1].split("</section>")[0]
    assert "3 liens cassés" in panel


def test_broken_links_report_refused_without_page_permissions(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor", "v@example.org", "pw"))
    assert client.get(reverse("broken_links")).status_code in (302, 403)
