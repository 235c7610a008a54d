"""Send to my phone: a service's essentials by e-mail or text message, in the resident's
language, to an address that is used once and kept nowhere."""

import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from feedback import ratelimit
from feedback.models import HelpfulAnswer, ProblemReport
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory
from tests.faults import closed_port, recording_server

from .conftest import mail_threads


@pytest.fixture
def service(site_tree):
    place = PlaceFactory(
        locale=site_tree.locale,
        name="Antenne de Vernier",
        street_address="Rue du Village 20",
        postcode="1214",
        commune="Vernier",
    )
    return ServicePageFactory(
        parent=site_tree.directory,
        title="Permanence impôts",
        slug="permanence-impots",
        summary="Aide gratuite pour remplir votre déclaration d’impôts.",
        phone="+41 22 306 06 60",
        places=[place],
    )


def url(service, language="fr"):
    return f"/{language}/send-to-phone/{service.pk}/"


def test_the_service_page_offers_a_button_and_a_link_to_the_form(client, service):
    html = client.get(service.url).content.decode()
    assert '<summary class="button button--secondary">' in html
    assert f'href="/fr/send-to-phone/{service.pk}/"' in html
    # The page stays one that any visitor may be given: no token, no cookie.
    assert "csrfmiddlewaretoken" not in html


def test_the_form_asks_only_for_an_e_mail_address_without_sms_provider(client, service):
    response = client.get(url(service))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'type="email" name="email"' in html
    assert 'name="phone"' not in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_essentials_are_mailed_in_the_residents_language(language, service, post_report):
    response = post_report(url(service, language), {"email": "resident@example.ch"})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/send-to-phone/{service.pk}/sent/"
    [message] = mail.outbox
    assert message.to == ["resident@example.ch"]
    assert message.subject == "Permanence impôts"
    with translation.override(language):
        opening_hours = translation.gettext("Opening hours")
        monday = translation.gettext("Monday")
    body = message.body
    assert "Aide gratuite pour remplir votre déclaration d’impôts." in body
    assert f"{opening_hours}:" in body
    assert monday in body
    assert "Rue du Village 20, 1214 Vernier" in body
    assert "+41 22 306 06 60" in body
    assert "http://localhost/fr/services/permanence-impots/" in body
    assert "&#x27;" not in body and "&amp;" not in body  # plain text, not HTML-escaped


def test_nothing_about_the_resident_is_stored(service, post_report):
    post_report(url(service), {"email": "resident@example.ch"})
    assert len(mail.outbox) == 1
    assert ProblemReport.objects.count() == 0
    assert HelpfulAnswer.objects.count() == 0


BAD_ADDRESSES = [
    ({"email": ""}, "Write your e-mail address."),
    ({"email": "resident.example.ch"}, "Write an e-mail address like name@example.ch."),
    ({"email": "a@b.ch\nBcc: x@y.ch"}, "Write an e-mail address like name@example.ch."),
    ({"email": "a@example.ch" * 30}, "Write an e-mail address like name@example.ch."),
]


def test_bad_addresses_get_a_400_with_a_message_in_the_residents_language(client, service):
    for data, message in BAD_ADDRESSES:
        response = client.post(url(service), data)
        assert response.status_code == 400
        html = response.content.decode()
        assert "error-summary" in html
        assert translation.gettext(message) in html.replace("&#x27;", "’")
    assert mail.outbox == []


def test_a_page_that_is_not_a_live_service_is_not_found(client, site_tree, service):
    assert client.get(f"/fr/send-to-phone/{site_tree.directory.pk}/").status_code == 404
    assert client.get(f"/fr/send-to-phone/{'9' * 30}/").status_code == 404
    service.unpublish()
    assert client.post(url(service), {"email": "resident@example.ch"}).status_code == 404


def test_posting_without_the_csrf_token_is_refused(service):
    response = Client(enforce_csrf_checks=True).post(url(service), {"email": "a@example.ch"})
    assert response.status_code == 403
    assert mail.outbox == []


def test_rate_limit_per_client_and_per_recipient(client, service, post_report):
    for number in range(ratelimit.SEND_TO_PHONE.per_window):
        assert post_report(url(service), {"email": f"r{number}@example.ch"}).status_code == 302
    assert post_report(url(service), {"email": "other@example.ch"}).status_code == 429
    assert len(mail.outbox) == ratelimit.SEND_TO_PHONE.per_window
    # Whoever asks, one mailbox receives only a few messages.
    cache.clear()
    for number in range(ratelimit.SEND_TO_ONE_RECIPIENT.per_window):
        response = post_report(
            url(service), {"email": "victim@example.ch"}, REMOTE_ADDR=f"10.0.0.{number}"
        )
        assert response.status_code == 302
    response = post_report(url(service), {"email": "Victim@Example.ch"}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 429


def test_the_honeypot_sends_nothing(service, post_report):
    response = post_report(url(service), {"email": "a@example.ch", "website": "spam"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_mail_server_that_refuses_does_not_fail_the_resident(
    service, post_report, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 1
    response = post_report(url(service), {"email": "resident@example.ch"})
    assert response.status_code == 302
    [record] = [r for r in caplog.records if "not sent" in r.getMessage()]
    assert "resident@example.ch" not in record.getMessage()


def test_sms_goes_to_the_configured_provider(client, service, post_report, settings):
    with recording_server() as provider:
        settings.SMS_URL, settings.SMS_TOKEN, settings.SMS_SENDER = (
            provider.url,
            "s3cret",
            "Proxima",
        )
        form = client.get(url(service)).content.decode()
        assert 'name="phone"' in form
        offer = translation.gettext("Or receive it by e-mail or text message")
        assert offer in client.get(service.url).content.decode()
        response = post_report(url(service, "en"), {"email": "", "phone": "079 123 45 67"})
    assert response.status_code == 302
    assert mail.outbox == []
    [request] = provider.received
    assert request["path"] == "/messages"
    assert request["headers"]["Authorization"] == "Bearer s3cret"
    payload = json.loads(request["body"])
    # A local number is read as one of the country the service is delivered in.
    assert payload["to"] == "+41791234567"
    assert payload["sender"] == "Proxima"
    assert payload["text"].startswith("Permanence impôts\n")
    assert "http://localhost/fr/services/permanence-impots/" in payload["text"]
    assert len(payload["text"]) <= 300


def test_sms_and_e_mail_together_and_a_bad_number(client, service, post_report, settings):
    with recording_server() as provider:
        settings.SMS_URL = provider.url
        bad = client.post(url(service), {"email": "", "phone": "12ab"})
        empty = client.post(url(service), {"email": "", "phone": ""})
        both = post_report(url(service), {"email": "r@example.ch", "phone": "+41791234567"})
    assert (bad.status_code, empty.status_code, both.status_code) == (400, 400, 302)
    assert translation.gettext("Write an e-mail address or a mobile phone number.") in (
        empty.content.decode().replace("&#x27;", "'")
    )
    assert len(provider.received) == 1
    assert len(mail.outbox) == 1


def test_an_unreachable_sms_provider_is_logged_without_the_number(
    service, post_report, settings, caplog
):
    settings.SMS_URL, settings.SMS_TIMEOUT = f"http://127.0.0.1:{closed_port()}/", 1
    response = post_report(url(service), {"phone": "079 123 45 67"})
    assert response.status_code == 302
    [record] = [r for r in caplog.records if "Text message not sent" in r.getMessage()]
    assert "79" not in record.getMessage()
    assert not mail_threads()
