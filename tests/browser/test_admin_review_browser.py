"""Keeping content true, in the real admin: the review digest's link opens the service's
editor, and Reports → Broken links lists what the link checker found on a local server.

The screenshots (``make screenshots``) illustrate docs/editors.md, "Keeping content true".
"""

import contextlib
import datetime
import http.server
import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.users.models import UserProfile

from feedback import links
from feedback.models import CheckedLink, ReviewReminder
from services_directory.models import ServiceOnlineProcedure, ServicePage

USERNAME = "camille-editor"
PASSWORD = "a-long-browser-password"
PORTS = range(8400, 8500)


@pytest.fixture(scope="module")
def editor(demo_site, django_db_blocker):
    """An Editor with an e-mail address, committed for the live server's connection."""
    with django_db_blocker.unblock():
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME,
            defaults={"email": "camille@example.ch", "first_name": "Camille"},
        )
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name="Editors"))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"  # the admin and the digest, whatever the browser
        profile.save()
    yield user
    with django_db_blocker.unblock():
        ReviewReminder.objects.filter(user=user).delete()
        user.delete()


@pytest.fixture(scope="module")
def digest(site_url, editor, django_db_blocker):
    """A French service a year past its review date, and the editor's digest about it,
    made outside the tests' transaction (the live server writes the sessions); the
    service's dates are put back afterwards."""
    with django_db_blocker.unblock():
        service = ServicePage.objects.live().filter(locale__language_code="fr").first()
        dates = service.last_reviewed, service.review_due
        a_year_ago = timezone.localdate() - datetime.timedelta(days=365)
        ServicePage.objects.filter(pk=service.pk).update(
            last_reviewed=a_year_ago, review_due=a_year_ago
        )
        with override_settings(WAGTAILADMIN_BASE_URL=site_url):
            call_command("send_review_reminders")
        (message,) = [message for message in mail.outbox if message.to == [editor.email]]
    yield service, message.body
    with django_db_blocker.unblock():
        ServicePage.objects.filter(pk=service.pk).update(
            last_reviewed=dates[0], review_due=dates[1]
        )


def sign_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_the_digests_link_opens_the_service_to_review(page, site_url, digest, docs_screenshot):
    overdue_service, body = digest
    assert overdue_service.title in body
    link = re.search(rf"{re.escape(site_url)}/admin/pages/{overdue_service.pk}/edit/", body)
    assert link, body

    sign_in(page)
    page.goto(link.group(0))
    assert page.locator("#id_title").input_value() == overdue_service.title
    page.get_by_role("tab", name="Statut et révision").click()
    page.locator("#id_last_reviewed").scroll_into_view_if_needed()
    docs_screenshot("review-reminder-editor")

    page.goto("/admin/reports/services-to-review/")
    assert page.locator("tbody tr", has_text=overdue_service.title).count() == 1
    docs_screenshot("services-to-review")


class Links(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def broken_procedure(demo_site, django_db_blocker):
    """A French service whose online procedure leads to a missing page of a local server,
    checked by ``check_links`` outside the tests' transaction."""
    for port in PORTS:
        with contextlib.suppress(OSError):
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Links)
            break
    else:
        pytest.fail("no free port in 8400-8499")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local = f"http://127.0.0.1:{server.server_address[1]}"
    with django_db_blocker.unblock():
        service = ServicePage.objects.live().filter(locale__language_code="fr").last()
        procedure = ServiceOnlineProcedure.objects.create(
            page=service, title="Formulaire", url=f"{local}/formulaire-disparu"
        )
        # Only the local server's addresses: the demo's links lead to real sites, and
        # the tests never reach the network.
        found = links.pages_by_address
        with (
            pytest.MonkeyPatch.context() as patch,
            override_settings(LINK_CHECK_HOST_DELAY=0, LINK_CHECK_TIMEOUT=2),
        ):
            patch.setattr(
                links,
                "pages_by_address",
                lambda: {url: pages for url, pages in found().items() if url.startswith(local)},
            )
            call_command("check_links")
    yield service, procedure.url
    server.shutdown()
    server.server_close()
    with django_db_blocker.unblock():
        procedure.delete()
        CheckedLink.objects.all().delete()


def test_the_broken_links_report_lists_the_link_and_opens_its_page(
    page, editor, broken_procedure, docs_screenshot
):
    service, address = broken_procedure
    sign_in(page)
    panel = page.locator("section[aria-labelledby=to-handle-heading]")
    panel.scroll_into_view_if_needed()
    assert "1 lien cassé sur vos pages" in panel.inner_text()
    docs_screenshot("dashboard-to-handle")
    panel.get_by_role("link", name="1 lien cassé sur vos pages").click()
    page.wait_for_url("**/admin/reports/broken-links/")
    row = page.locator("tbody tr", has_text=address)
    assert row.count() == 1
    assert service.title in row.inner_text() and "404" in row.inner_text()
    docs_screenshot("broken-links")
    row.get_by_role("link", name=service.title).click()
    page.wait_for_url(f"**/admin/pages/{service.pk}/edit/")
    assert page.locator("#id_title").input_value() == service.title
