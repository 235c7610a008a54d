"""The problem report's e-mail when the mail server refuses or never answers: the
resident is answered at once, the report is kept, the sending thread gives up after
EMAIL_TIMEOUT."""

import pytest
from django.core import mail
from django.test import override_settings

from feedback.models import ProblemReport
from tests.faults import closed_port, silent_server

from .conftest import mail_threads

pytestmark = pytest.mark.django_db

URL = "/fr/report-a-problem/"
VALID = {"message": "Le numéro de téléphone ne répond pas.", "contact": "", "page_path": ""}


def smtp_at(port, timeout):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=timeout,
        PROBLEM_REPORT_EMAIL="web@example.ch",
    )


def not_sent(caplog):
    return [r for r in caplog.records if "notification e-mail not sent" in r.getMessage()]


@override_settings(PROBLEM_REPORT_EMAIL="web@example.ch")
def test_the_mail_leaves_only_once_the_report_is_committed(
    client, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(URL, VALID).status_code == 302
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_a_silent_mail_server_does_not_hold_the_resident(
    client, site_tree, django_capture_on_commit_callbacks, caplog
):
    with silent_server() as server, smtp_at(server.port, timeout=30):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL, VALID)
        assert response.status_code == 302
        assert ProblemReport.objects.count() == 1
        [sending] = mail_threads()
        assert sending.is_alive(), "still waiting for the server, after the answer"
    # The server has gone: the thread ends at once and says the mail was not sent.
    sending.join(timeout=10)
    assert not sending.is_alive()
    assert len(not_sent(caplog)) == 1


@pytest.mark.parametrize("server", ["refusing", "silent"])
def test_email_timeout_bounds_the_sending_and_the_report_is_kept(
    server, site_tree, post_report, caplog
):
    if server == "refusing":
        with smtp_at(closed_port(), timeout=0.3):
            response = post_report(URL, VALID)
    else:
        with silent_server() as silent, smtp_at(silent.port, timeout=0.3):
            response = post_report(URL, VALID)  # waits for the thread, which gives up
            assert silent.connections() == 1
    assert response.status_code == 302
    assert ProblemReport.objects.get().message == VALID["message"]
    assert len(not_sent(caplog)) == 1
