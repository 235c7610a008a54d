"""Site-wide behaviour: language prefixes, the root redirect, security headers."""

import pytest
from django.conf import settings
from django.http import HttpResponse

from core.middleware import RESIDENT_CONTENT_SECURITY_POLICY, SecurityHeadersMiddleware

pytestmark = pytest.mark.django_db


def test_root_redirects_to_french_by_default(site_tree, client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("ar", "/ar/"), ("ti-ER", "/ti/"), ("ja", "/fr/")],
)
def test_root_redirects_to_the_preferred_available_language(
    site_tree, client, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response["Location"] == expected


def test_admin_has_no_language_prefix(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_resident_pages_forbid_third_party_and_inline_code(site_tree, client):
    policy = client.get("/fr/").headers["Content-Security-Policy"]
    directives = dict(item.split(" ", 1) for item in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_admin_has_its_own_policy(client):
    policy = client.get("/admin/login/").headers["Content-Security-Policy"]
    directives = dict(item.split(" ", 1) for item in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["form-action"] == "'self'"
    # The preview panel frames the site itself; nobody else may frame the admin.
    assert directives["frame-ancestors"] == "'self'"
    # Nothing from another origin, and no eval.
    assert all("http" not in sources and "*" not in sources for sources in directives.values())
    assert "unsafe-eval" not in policy


def test_the_csrf_cookie_ends_with_the_browser(client):
    cookie = client.get("/admin/login/").cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_a_page_previewed_in_the_admin_keeps_the_resident_policy_in_a_frame(rf):
    # Wagtail renders the previewed page through the middleware at the page's own
    # address, then answers at the admin's: the preview panel's frame must be allowed.
    def previewed_page(request):
        response = HttpResponse("page")
        response["Content-Security-Policy"] = RESIDENT_CONTENT_SECURITY_POLICY
        return response

    middleware = SecurityHeadersMiddleware(previewed_page)
    policy = middleware(rf.get("/admin/pages/5/edit/preview/"))["Content-Security-Policy"]
    directives = dict(item.split(" ", 1) for item in policy.split("; "))
    assert directives["frame-ancestors"] == "'self'"
    assert directives["script-src"] == "'self'", "still the residents' policy"
    assert middleware(rf.get("/fr/"))["Content-Security-Policy"] == RESIDENT_CONTENT_SECURITY_POLICY
