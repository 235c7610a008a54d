"""Report a problem on this page: stored, notified, validated, protected against spam."""

import datetime
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from core.models import ContactSettings
from feedback.models import ProblemReport
from feedback.ratelimit import REPORTS_PER_WINDOW

URL = "/fr/report-a-problem/"
PAGE = "/fr/services/"
VALID = {"message": "Les horaires du lundi sont faux.", "contact": "", "page_path": PAGE}


def test_form_carries_the_page_it_was_opened_from(client, site_tree):
    response = client.get(URL, {"page": PAGE})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<input type="hidden" name="page_path" value="{PAGE}">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'<a href="{PAGE}" dir="ltr">' in html


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/fr/",
        "//evil.example/fr/",
        "/xx/services/",
        "/admin/",
        "/fr/%0a/",
        "fr",
    ],
)
def test_form_ignores_a_page_that_is_not_of_this_site(client, site_tree, page):
    html = client.get(URL, {"page": page}).content.decode()
    assert '<input type="hidden" name="page_path" value="">' in html
    assert f'href="{page}"' not in html


@override_settings(PROBLEM_REPORT_EMAIL="web@example.ch")
def test_report_is_stored_and_editors_notified(client, site_tree, post_report):
    response = post_report(URL, {**VALID, "contact": "079 123 45 67"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('report_problem_thanks')}?page=%2Ffr%2Fservices%2F"
    report = ProblemReport.objects.get()
    assert (report.page_path, report.language, report.contact, report.handled) == (
        PAGE,
        "fr",
        "079 123 45 67",
        False,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["web@example.ch"]
    assert PAGE in mail.outbox[0].subject
    # Mailboxes are copied, forwarded and kept: the resident's words and contact stay in
    # the admin, the mail only points there.
    assert "horaires" not in mail.outbox[0].body
    assert "079" not in mail.outbox[0].body + mail.outbox[0].subject
    assert f"/admin/problem_reports/edit/{report.pk}/" in mail.outbox[0].body
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert f'href="{PAGE}"' in thanks.content.decode()


def test_notification_falls_back_to_the_contact_settings_mailbox(site_tree, post_report):
    ContactSettings.objects.create(site=site_tree.site, organisation_name="SCS", email="scs@ge.ch")
    post_report(URL, VALID)
    assert [message.to for message in mail.outbox] == [["scs@ge.ch"]]


def test_no_mailbox_configured_means_no_mail_but_a_stored_report(site_tree, post_report):
    assert post_report(URL, VALID).status_code == 302
    assert ProblemReport.objects.count() == 1
    assert mail.outbox == []


@override_settings(PROBLEM_REPORT_EMAIL="web@example.ch")
def test_a_mail_outage_does_not_lose_the_report(site_tree, post_report):
    with mock.patch("feedback.notify.EmailMessage.send", side_effect=SMTPException("down")):
        response = post_report(URL, VALID)
    assert response.status_code == 302
    assert ProblemReport.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"message": ""}, "message", "Write what is wrong on the page."),
        ({"message": "x" * 2001}, "message", "2000"),
        ({"contact": "not a contact"}, "contact", "e-mail address, or a phone number"),
        ({"contact": "a@b"}, "contact", "Enter a valid email address."),
    ],
)
def test_bad_input_is_shown_in_an_error_summary_with_a_400(client, site_tree, data, field, message):
    with override_settings(LANGUAGE_CODE="en"):
        response = client.post("/en/report-a-problem/", {**VALID, **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert 'aria-invalid="true"' in html
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
    assert f'id="id_{field}_error"' in html
    assert "<title>Error:" in html
    assert ProblemReport.objects.count() == 0


@pytest.mark.parametrize(
    "page", ["https://evil.example/", "//evil.example/", "/fr/a b/", "/fr/?q=1", "/admin/x/"]
)
def test_a_tampered_page_address_is_refused(client, site_tree, page):
    response = client.post(URL, {**VALID, "page_path": page})
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-error-summary" in html
    assert '<input type="hidden" name="page_path" value="">' in html, "sent again without it"
    assert f'href="{page}"' not in html
    assert ProblemReport.objects.count() == 0


def test_a_report_without_page_is_accepted(client, site_tree):
    response = client.post(URL, {**VALID, "page_path": ""})
    assert response["Location"] == reverse("report_problem_thanks")
    assert ProblemReport.objects.get().page_path == ""


def test_spam_filling_the_honeypot_is_neither_stored_nor_sent(site_tree, post_report):
    with override_settings(PROBLEM_REPORT_EMAIL="web@example.ch"):
        response = post_report(URL, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert ProblemReport.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_client_answers_429_in_the_visitors_language(client, site_tree):
    for _ in range(REPORTS_PER_WINDOW):
        assert client.post(URL, VALID).status_code == 302
    over = client.post("/en/report-a-problem/", VALID)
    assert over.status_code == 429
    assert "Too many reports in a short time" in over.content.decode()
    assert ProblemReport.objects.count() == REPORTS_PER_WINDOW
    other_client = Client(REMOTE_ADDR="192.0.2.7")
    assert other_client.post(URL, VALID).status_code == 302


def test_the_client_address_is_never_stored(client, site_tree):
    client.post(URL, VALID, REMOTE_ADDR="198.51.100.23")
    report = ProblemReport.objects.values().get()
    assert not [value for value in report.values() if "198.51.100.23" in str(value)]
    assert not [key for key in cache._cache if "198.51.100.23" in key]


def test_posting_without_the_csrf_token_is_refused(site_tree):
    response = Client(enforce_csrf_checks=True).post(URL, VALID)
    assert response.status_code == 403
    assert ProblemReport.objects.count() == 0


def test_other_methods_are_refused(client, site_tree):
    assert client.put(URL).status_code == 405


def test_every_page_links_to_the_form_with_its_address(client, site_tree):
    html = client.get("/fr/services/").content.decode()
    assert 'href="/fr/report-a-problem/?page=/fr/services/"' in html


def test_editors_list_reports_mark_them_handled_but_cannot_add_any(client, site_tree):
    from django.contrib.auth import get_user_model

    report = ProblemReport.objects.create(page_path=PAGE, language="fr", message="Lien cassé")
    admin = get_user_model().objects.create_superuser("admin", "a@example.ch", "x" * 12)
    client.force_login(admin)
    listing = client.get(reverse("problem_reports:index"), {"handled": "false"})
    assert listing.status_code == 200
    assert "Lien cassé" in listing.content.decode()
    assert client.get(reverse("problem_reports:add")).status_code in (302, 403)
    edit_url = reverse("problem_reports:edit", args=[report.pk])
    response = client.post(edit_url, {"handled": "on", "message": "rewritten"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled is True
    assert report.message == "Lien cassé"


@override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP", TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_a_proxy_the_limit_follows_the_forwarded_address(client, site_tree):
    for _ in range(REPORTS_PER_WINDOW):
        client.post(URL, VALID, HTTP_X_REAL_IP="203.0.113.1")
    assert client.post(URL, VALID, HTTP_X_REAL_IP="203.0.113.1").status_code == 429
    assert client.post(URL, VALID, HTTP_X_REAL_IP="203.0.113.2").status_code == 302


def test_purge_erases_handled_contacts_and_deletes_reports_after_a_year(db, settings):
    settings.PROBLEM_REPORT_RETENTION_DAYS = 365
    now = timezone.now()

    def report(days_ago, handled, contact="079 123 45 67"):
        created = ProblemReport.objects.create(
            language="fr", message="Horaires faux", contact=contact, handled=handled
        )
        ProblemReport.objects.filter(pk=created.pk).update(
            created_at=now - datetime.timedelta(days=days_ago)
        )
        return created.pk

    waiting = report(10, handled=False)
    handled = report(10, handled=True)
    old_waiting = report(364, handled=False)
    expired = report(366, handled=False)
    expired_handled = report(400, handled=True)
    output = StringIO()
    call_command("purge_problem_reports", stdout=output)
    kept = dict(ProblemReport.objects.values_list("pk", "contact"))
    assert kept == {waiting: "079 123 45 67", handled: "", old_waiting: "079 123 45 67"}
    assert expired not in kept and expired_handled not in kept
    assert "1 contacts of handled reports erased; 2 reports older than 365 days" in (
        output.getvalue()
    )
