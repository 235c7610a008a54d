"""Staff in the admin: signing in, and the admin's own Content-Security-Policy at work.

The policy forbids eval and every other origin: this checks in a real browser that the
editor's screens still run under it (no violation reported), where the test client
only sees the header.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from services_directory.models import ServicePage

USERNAME = "policy-check"
PASSWORD = "a-long-browser-password"
COLLECT_VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', (event) => window.__violations.push("
    "`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));"
)


@pytest.fixture(scope="module")
def superuser(demo_site, django_db_blocker):
    """Committed, so that the live server's own connection sees it (PostgreSQL)."""
    with django_db_blocker.unblock():
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(PASSWORD)
        user.save()
        service = ServicePage.objects.filter(locale__language_code="fr").first()
        translated = (
            Page.objects.filter(locale__language_code="en", alias_of__isnull=True, depth__gt=3)
            .order_by("path")
            .first()
        )
    return user, service, translated


def test_the_editors_screens_run_under_the_admin_policy(page, superuser):
    _user, service, translated = superuser
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(COLLECT_VIOLATIONS)
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    screens = [
        "/admin/",
        f"/admin/pages/{service.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/two-factor/set-up/",
    ]
    if translated is not None:
        screens.append(f"/admin/pages/{translated.pk}/edit/")  # wagtail-localize's editor
    violations = {}

    def record(screen):
        page.wait_for_load_state("networkidle")
        found = page.evaluate("window.__violations") + [
            text for text in console if "Content Security Policy" in text
        ]
        console.clear()
        if found:
            violations[screen] = found

    for screen in screens:
        response = page.goto(screen)
        assert response.ok, screen
        record(screen)
    # The preview panel frames the page under the residents' policy; the checks panel
    # runs Wagtail's accessibility checker in it.
    page.goto(f"/admin/pages/{service.pk}/edit/")
    for panel in ("preview", "checks"):
        page.click(f"button[data-side-panel-toggle='{panel}']")
        page.wait_for_selector("iframe.w-preview__iframe", state="attached")
        page.wait_for_timeout(2_000)
        record(panel)
    preview = page.locator("iframe.w-preview__iframe").last.content_frame
    assert preview.locator("main").count() == 1, "the page is shown in the preview"
    # Leaving the editor releases its editing session now, not while the test tears down.
    page.goto("/admin/")
    record("/admin/")
    assert violations == {}
