"""Send to my phone and Was this page helpful?, as residents use them: a real button, forms
that work without JavaScript, axe-clean in French and Arabic, the answer accepted from the
browser's own Origin header.

The database is read only once the browser is done (SQLite locks, see
test_report_problem_browser.py); the mail is sent by a thread after the response.
"""

import pytest
from django.core import mail

from feedback.models import HelpfulAnswer
from tests.conftest import wait_until

from .conftest import axe_violations

SERVICE = "/{language}/services/action-impots/"


def wait_for_mail(count):
    wait_until(lambda: len(mail.outbox) >= count)
    return mail.outbox


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_send_to_my_phone_by_e_mail(page, language):
    mail.outbox = []
    page.goto(SERVICE.format(language=language))
    summary = page.locator(".send-to-phone summary")
    # A button, not bold text: a border and the size of a target.
    border, height = summary.evaluate(
        "s => [parseFloat(getComputedStyle(s).borderTopWidth), s.getBoundingClientRect().height]"
    )
    assert border >= 2 and height >= 44
    summary.click()
    page.click(".send-to-phone__link")
    page.wait_for_url("**/send-to-phone/*/")
    assert axe_violations(page) == []
    page.click(".send-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-error-summary]").is_visible()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    page.fill("#id_email", f"resident-{language}@example.ch")
    page.click(".send-form button[type=submit]")
    page.wait_for_url("**/sent/")
    assert axe_violations(page) == []
    [message] = wait_for_mail(1)
    assert message.to == [f"resident-{language}@example.ch"]
    assert "/services/action-impots/" in message.body


def test_helpful_no_with_a_reason(page):
    page.goto(SERVICE.format(language="fr"))
    assert axe_violations(page) == []
    page.click(".helpful button[value=no]")
    page.wait_for_url("**/helpful/*/thanks/?token=*")
    assert axe_violations(page) == []
    page.check("input[name=reason][value=unclear]")
    page.click(".helpful-reason button[type=submit]")
    page.wait_for_url("**/helpful/*/thanks/")
    assert page.locator(".helpful-reason").count() == 0
    page.goto(SERVICE.format(language="ar"))
    page.click(".helpful button[value=yes]")
    page.wait_for_url("**/helpful/*/thanks/")
    counted = dict(
        HelpfulAnswer.objects.filter(page__url_path__endswith="/action-impots/").values_list(
            "answer", "reason"
        )
    )
    assert counted.keys() == {"yes", "no"}
    assert HelpfulAnswer.objects.filter(reason="unclear").exists()
