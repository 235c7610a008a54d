"""On a public kiosk "Send to my phone" is the QR code only: a kiosk never asks for an
address, and refuses one sent to it."""

from django.core import mail


def test_a_kiosk_shows_the_qr_code_and_no_e_mail_form(kiosk_client, hub_service):
    service_page = kiosk_client.get(hub_service.url).content.decode()
    assert '<summary class="button button--secondary">' in service_page
    assert 'class="qr-code"' in service_page
    assert "/send-to-phone/" not in service_page

    address = f"/fr/send-to-phone/{hub_service.pk}/"
    form_page = kiosk_client.get(address)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert 'class="qr-code"' in html
    assert 'name="email"' not in html
    assert "<form" not in html.split('<main id="main-content"', 1)[-1].split("</main>")[0]

    response = kiosk_client.post(address, {"email": "resident@example.ch"})
    assert response.status_code == 403
    assert mail.outbox == []
