"""On a kiosk: the list is there too, and directions are QR codes, not links away."""

import re

from core.models import ContactSettings


def test_kiosk_directions_are_qr_codes(kiosk_client, hub_service, site_tree):
    ContactSettings.objects.create(
        site=site_tree.site,
        organisation_name="SCS",
        journey_planner_url="https://planner.example.org/?to={lat},{lon}",
    )
    html = kiosk_client.get(hub_service.url).content.decode()
    block = re.search(r'<div class="directions no-print">(.*?)</ul>', html, re.S).group(1)
    assert "href=" not in block, "no way off the site from a kiosk"
    assert block.count("data-kiosk-external") == 2
    assert block.count('<svg class="qr-code"') == 2
    assert "openstreetmap.org/directions" in block and "planner.example.org" in block


def test_kiosk_shows_my_list_and_its_toggle(kiosk_client, hub_service):
    html = kiosk_client.get(hub_service.url).content.decode()
    assert f'data-my-list-toggle data-id="{hub_service.pk}"' in html
    assert 'href="/fr/my-list/"' in html
    page = kiosk_client.get("/fr/my-list/")
    assert page.status_code == 200
    assert "data-my-list " in page.content.decode()
    sheet = kiosk_client.get("/fr/my-list/sheet/", {"id": hub_service.pk})
    assert sheet.status_code == 200
    assert 'href="/fr/services/aide-demarches/"' in sheet.content.decode(), "inside links stay"
