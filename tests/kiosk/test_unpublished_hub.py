"""A kiosk shows its hub only once a Moderator published it (core.moderation)."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_unpublished_hub_and_its_services_wait_for_publication(kiosk_client, hub, hub_service):
    hub.unpublish()
    html = kiosk_client.get("/fr/kiosk/").content.decode()
    assert "Pôle social d’Issy" not in html
    assert "Aide aux démarches en ligne" not in html
    assert hub_service.url not in kiosk_client.get("/fr/kiosk/precache.json").json()["urls"]

    hub.save_revision().publish()
    html = kiosk_client.get("/fr/kiosk/").content.decode()
    assert "Pôle social d’Issy" in html
    assert "Aide aux démarches en ligne" in html
    assert hub_service.url in kiosk_client.get("/fr/kiosk/precache.json").json()["urls"]
