"""Production, checked from outside: ``config.settings.production`` under gunicorn behind
Debian's nginx, with the files of deploy/ (docs/deployment.md), on PostgreSQL and Redis.

Every request goes through nginx over HTTPS (its certificate made for the run), as a
resident's browser would: headers, compression, static and media rules, documents, the
visitor's address behind the proxy, error pages, and ``check --deploy``.
"""

import gzip
import http.client
import random
import re
import secrets
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from core import emergency_copy
from feedback import ratelimit
from tests.conftest import wait_until
from tests.production.conftest import ONLY_ON_POSTGRES, request

pytestmark = ONLY_ON_POSTGRES

SECRET = b"%PDF-1.4 liste nominative des personnes hebergees"
PUBLIC = b"%PDF-1.4 horaires des permanences"
HASHED = re.compile(r'(/static/[^"]+\.[0-9a-f]{12}\.(css|js))"')


@pytest.fixture(scope="module")
def documents(stack, django_db_blocker):
    """A public document and one in a collection for signed-in staff only, committed
    (gunicorn reads them) with their files in the stack's MEDIA_ROOT; deleted afterwards."""
    Document = get_document_model()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=stack.media_root):
        root = Collection.get_first_root_node()
        private = root.add_child(name="Interne (production check)")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        made = {}
        for key, collection, name, content in [
            ("private", private, "hebergement.pdf", SECRET),
            ("public", root, "horaires.pdf", PUBLIC),
        ]:
            made[key] = Document(title=name, collection=collection)
            made[key].file.save(name, ContentFile(content))
        try:
            yield made
        finally:
            for document in made.values():
                document.delete()
            private.delete()


def test_check_deploy_warns_of_nothing(stack):
    # The launcher ran it with the stack's environment (deploy/release.py).
    assert "System check identified no issues" in stack.deploy_check, stack.deploy_check


def test_plain_http_goes_to_https(stack):
    host, port = stack.http_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/fr/services/?theme=logement")
    response = connection.getresponse()
    assert response.status == 301
    assert response.headers["Location"] == f"{stack.url}/fr/services/?theme=logement"
    assert response.headers["Server"] == "nginx"
    connection.close()


def test_a_residents_page_carries_the_security_headers(stack):
    answer = request(stack, "/fr/report-a-problem/")
    assert answer.status == 200
    policy = answer.header("Content-Security-Policy")
    for directive in ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"]:
        assert directive in policy
    assert "unsafe-inline" not in policy
    assert answer.header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
    assert answer.header("X-Content-Type-Options") == "nosniff"
    assert answer.header("Referrer-Policy") == "same-origin"
    assert answer.header("X-Frame-Options") == "DENY"
    assert answer.header("Cross-Origin-Opener-Policy") == "same-origin"
    assert "geolocation=()" in answer.header("Permissions-Policy")
    assert answer.header("Server") == "nginx", "no version given away"
    csrf = [cookie for cookie in answer.cookies() if cookie.startswith("csrftoken=")]
    assert csrf
    assert "Secure" in csrf[0]
    assert "HttpOnly" in csrf[0]


def test_html_css_and_javascript_are_compressed(stack):
    answer = request(stack, "/fr/", headers={"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert answer.header("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in answer.header("Vary")
    page = gzip.decompress(answer.body).decode()
    assert "<html" in page
    assets = {kind: path for path, kind in HASHED.findall(page)}
    assert set(assets) == {"css", "js"}, assets
    for path in assets.values():
        asset = request(stack, path, headers={"Accept-Encoding": "gzip"})
        assert asset.status == 200
        assert asset.header("Content-Encoding") == "gzip"
        assert gzip.decompress(asset.body)
    plain = request(stack, "/fr/")
    assert plain.header("Content-Encoding") == "", "never to a client that did not ask"


def test_hashed_static_files_are_kept_a_year_the_others_an_hour(stack):
    page = request(stack, "/fr/").body.decode()
    hashed = HASHED.search(page).group(1)
    answer = request(stack, hashed)
    assert answer.status == 200
    assert answer.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert answer.header("X-Content-Type-Options") == "nosniff"
    unhashed = re.sub(r"\.[0-9a-f]{12}(\.\w+)$", r"\1", hashed)
    answer = request(stack, unhashed)
    assert answer.status == 200
    assert answer.header("Cache-Control") == "max-age=3600"
    assert request(stack, "/static/no-such-file.css").status == 404


def test_documents_are_served_by_the_application_never_from_media(stack, documents):
    public, private = documents["public"], documents["private"]
    assert private.file.name.startswith("documents/")
    for document in documents.values():
        name = document.file.name.removeprefix("documents/")
        # Also written so that a naive prefix rule would miss it: nginx normalises first.
        for prefix in ["documents", "/documents", "%64ocuments", "images/../documents"]:
            path = f"/media/{prefix}/{name}"
            answer = request(stack, path)
            assert answer.status in {400, 404}, path
            assert SECRET not in answer.body
            assert PUBLIC not in answer.body
    answer = request(stack, public.url)
    assert answer.status == 200
    assert answer.body == PUBLIC
    answer = request(stack, private.url)
    assert answer.status == 302
    assert "/login/?next=/documents/" in answer.header("Location")
    assert SECRET not in answer.body


def test_other_media_are_served_by_nginx(stack):
    answer = request(stack, "/media/emergency-numbers.json")
    assert answer.status == 200
    assert answer.header("Content-Type") == "application/json"
    assert answer.header("X-Content-Type-Options") == "nosniff"


def report(stack, source, **headers):
    """A robot's report (the hidden field filled): counted like any, stored nowhere."""
    token = secrets.token_hex(16)  # a CSRF secret the client chose, as Django allows
    body = urlencode({"csrfmiddlewaretoken": token, "message": "Test", "website": "x"})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={token}",
        "Origin": stack.url,
        **headers,
    }
    answer = request(
        stack, "/fr/report-a-problem/", method="POST", body=body, headers=headers, source=source
    )
    assert answer.status in {302, 429}, answer.status
    return answer.status


def loopback_address():
    """Another client for nginx each time (and each run: counts last 10 minutes)."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


def test_each_visitor_is_counted_by_the_address_nginx_sees(stack):
    limited, other = loopback_address(), loopback_address()
    for _attempt in range(ratelimit.REPORTS_PER_WINDOW):
        assert report(stack, limited) == 302
    assert report(stack, limited) == 429
    # What a visitor sends in the proxy's headers changes nothing: nginx overwrites them.
    spoofed = {"X-Real-IP": other, "X-Forwarded-For": other}
    assert report(stack, limited, **spoofed) == 429
    assert report(stack, other, **{"X-Real-IP": limited, "X-Forwarded-For": limited}) == 302
    assert report(stack, other) == 302


def access_log(stack):
    return (stack.directory / "access.log").read_text()


def test_search_words_stay_out_of_the_access_log(stack):
    assert request(stack, "/fr/search/?q=violences+conjugales").status == 200
    line = '"GET /fr/search/ HTTP/1.1" 200'
    # nginx writes a request's line after its answer is sent: the client may read first.
    wait_until(lambda: line in access_log(stack))
    log = access_log(stack)
    assert line in log
    assert "violences" not in log


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_missing_page_says_so_in_the_visitors_language(stack, language):
    answer = request(stack, f"/{language}/no-such-page/")
    assert answer.status == 404
    sentence = (
        "This page does not exist or has moved. Check the address, or search for the help you need."
    )
    with translation.override(language):
        expected = gettext(sentence)
    assert expected != sentence, "the catalogue is compiled (make setup)"
    assert escape(expected) in answer.body.decode()


# Last: it stops gunicorn.
def test_without_gunicorn_nginx_shows_the_emergency_numbers(stack, django_db_blocker):
    with django_db_blocker.unblock():
        numbers = [entry["number"] for entry in emergency_copy.numbers()]
    assert numbers, "the demo has emergency numbers"
    assert request(stack, "/fr/").status == 200
    stack.stop_app()  # for good: this module's last test
    answer = request(stack, "/fr/services/")
    assert answer.status == 502
    page = answer.body.decode()
    assert "Numéros d’urgence" in page
    for number in numbers:
        assert number in page
    assert answer.header("Cache-Control") == "no-store"
