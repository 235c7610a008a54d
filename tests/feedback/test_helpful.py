"""Was this page helpful? Counted per page and day, with no cookie and nothing about the
visitor; read by editors next to the problem reports."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Page

from feedback import ratelimit
from feedback.models import HelpfulAnswer, ProblemReport
from services_directory.factories import ServicePageFactory

SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def service(site_tree):
    return ServicePageFactory(
        parent=site_tree.directory, title="Permanence impôts", slug="permanence-impots"
    )


def answer(client, service, value, **headers):
    return client.post(f"/fr/helpful/{service.pk}/", {"answer": value}, **(headers or SAME_SITE))


def counts(service):
    return dict(
        HelpfulAnswer.objects.filter(page=service).values_list("answer", "count").filter(reason="")
    )


def test_the_question_is_on_the_service_page_without_cookie_or_token(client, service):
    response = client.get(service.url)
    html = response.content.decode()
    assert f'<form method="post" action="/fr/helpful/{service.pk}/"' in html
    assert 'name="answer" value="yes"' in html and 'name="answer" value="no"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_answers_are_counted_per_page_and_day_with_no_cookie(service):
    client = Client(enforce_csrf_checks=True)
    for value in ["yes", "yes", "no"]:
        response = answer(client, service, value)
        assert response.status_code == 302
        assert not response.cookies
    assert counts(service) == {"yes": 2, "no": 1}
    # One row per page, day and answer: no visitor, no time of day.
    assert HelpfulAnswer.objects.count() == 2
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert not thanks.cookies
    assert translation.gettext("Thank you for your answer") in thanks.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_REFERER": "https://evil.example/fr/"},
        {"HTTP_X_NOTHING": "no origin at all"},
    ],
)
def test_a_form_from_another_site_is_refused(client, service, headers):
    assert answer(client, service, "yes", **headers).status_code == 403
    assert counts(service) == {}


def test_same_site_without_origin_is_accepted_through_fetch_metadata_or_referer(client, service):
    assert answer(client, service, "yes", HTTP_SEC_FETCH_SITE="same-origin").status_code == 302
    assert (
        answer(client, service, "no", HTTP_REFERER=f"http://testserver{service.url}").status_code
        == 302
    )
    assert counts(service) == {"yes": 1, "no": 1}


def test_bad_answers_get_a_400_and_count_nothing(client, service, site_tree):
    for value in ["maybe", "", "yes" * 100]:
        response = answer(client, service, value)
        assert response.status_code == 400
        assert translation.gettext("Your answer could not be read") in response.content.decode()
    # Only live service pages are rated.
    assert (
        client.post(f"/fr/helpful/{site_tree.home.pk}/", {"answer": "yes"}, **SAME_SITE).status_code
        == 404
    )
    assert client.get(f"/fr/helpful/{service.pk}/").status_code == 405
    assert HelpfulAnswer.objects.count() == 0


def test_a_no_can_be_followed_by_a_reason_and_words_once(client, service):
    response = answer(client, service, "no")
    form = client.get(response["Location"]).content.decode()
    assert 'name="reason"' in form and 'name="comment"' in form
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    reason_url = f"/fr/helpful/{service.pk}/reason/"
    data = {"token": token, "reason": "missing", "comment": "Les horaires du samedi."}
    assert client.post(reason_url, data, **SAME_SITE).status_code == 302
    assert HelpfulAnswer.objects.get(reason="missing").count == 1
    report = ProblemReport.objects.get()
    assert (report.page_path, report.message, report.contact) == (
        service.url,
        "Les horaires du samedi.",
        "",
    )
    # The token is spent: the same answer cannot add reasons again.
    assert client.post(reason_url, data, **SAME_SITE).status_code == 302
    assert HelpfulAnswer.objects.get(reason="missing").count == 1
    assert ProblemReport.objects.count() == 1


def test_bad_reasons_get_a_400(client, service):
    response = answer(client, service, "no")
    form = client.get(response["Location"]).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form).group(1)
    reason_url = f"/fr/helpful/{service.pk}/reason/"
    for data in [
        {"token": token},
        {"token": token, "reason": "hacked"},
        {"token": token, "comment": "x" * 501},
        {"token": "forged", "reason": "missing"},
    ]:
        assert client.post(reason_url, data, **SAME_SITE).status_code == 400
    assert (
        client.post(reason_url, {"token": token}, HTTP_ORIGIN="https://evil.example").status_code
        == 403
    )
    assert HelpfulAnswer.objects.exclude(reason="").count() == 0
    # A yes has no reason to give.
    yes = client.get(answer(client, service, "yes")["Location"]).content.decode()
    assert 'name="reason"' not in yes


def test_answers_are_rate_limited(client, service):
    for _number in range(ratelimit.HELPFUL_ANSWERS.per_window):
        assert answer(client, service, "yes").status_code == 302
    assert answer(client, service, "yes").status_code == 429
    assert counts(service) == {"yes": ratelimit.HELPFUL_ANSWERS.per_window}


def test_editors_see_the_counts_per_page_next_to_problem_reports(
    client, service, site_tree, django_user_model
):
    other = ServicePageFactory(parent=site_tree.directory, title="Aide au logement")
    for value in ["yes", "no", "no"]:
        answer(client, service, value)
    answer(client, other, "yes")
    HelpfulAnswer.objects.record(service, "no", "wrong")
    ProblemReport.objects.create(page_path=service.url, language="fr", message="Faux")
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    menu = client.get("/admin/").content.decode()
    assert "/admin/helpful-answers/" in menu
    assert client.get("/admin/helpful-answers/").status_code == 200
    response = client.get("/admin/helpful-answers/results/")
    listing = response.content.decode().split('<table class="listing">')[1]
    rows = [
        re.sub(r"<[^>]+>", " ", row).split()
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", listing, re.S)[1:]
    ]
    # Most often unhelpful first: title words, language, yes, no, the four reasons, reports.
    assert rows[0][-8:] == ["fr", "1", "2", "1", "0", "0", "0", "1"]
    assert rows[0][:2] == ["Permanence", "impôts"]
    assert rows[1][:3] == ["Aide", "au", "logement"]
    assert rows[1][-7:] == ["1", "0", "0", "0", "0", "0", "0"]
    assert (
        "/admin/problem_reports/?q=%2Ffr%2Fservices%2Fpermanence-impots%2F"
        in response.content.decode()
    )


def test_people_who_cannot_read_problem_reports_do_not_see_the_counts(
    client, db, django_user_model
):
    someone = django_user_model.objects.create_user("someone", password="x")
    someone.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(someone)
    assert client.get("/admin/helpful-answers/").status_code in (302, 403)
    assert "/admin/helpful-answers/" not in client.get("/admin/").content.decode()


def test_counts_go_with_the_pages_and_after_the_retention(service, settings):
    settings.PROBLEM_REPORT_RETENTION_DAYS = 365
    today = timezone.localdate()
    HelpfulAnswer.objects.record(service, "yes", day=today - datetime.timedelta(days=366))
    HelpfulAnswer.objects.record(service, "yes", day=today - datetime.timedelta(days=10))
    call_command("purge_problem_reports", stdout=StringIO())
    assert list(HelpfulAnswer.objects.values_list("count", flat=True)) == [1]
    Page.objects.get(pk=service.pk).delete()
    assert HelpfulAnswer.objects.count() == 0


def test_the_retention_counts_the_sites_days(service, settings):
    settings.PROBLEM_REPORT_RETENTION_DAYS = 365
    settings.TIME_ZONE = "Europe/Zurich"
    # 00:30 on 1 December in Zurich: the day a year back is 1 December, not 30 November.
    now = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=datetime.UTC)
    HelpfulAnswer.objects.record(service, "yes", day=datetime.date(2025, 11, 30))
    HelpfulAnswer.objects.record(service, "yes", day=datetime.date(2025, 12, 1))
    assert HelpfulAnswer.objects.purge(now=now) == 1
    assert list(HelpfulAnswer.objects.values_list("day", flat=True)) == [datetime.date(2025, 12, 1)]
