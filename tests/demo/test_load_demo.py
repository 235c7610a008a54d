"""The demo site: believable, complete, valid, and loaded idempotently."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from core.models import ContactSettings, EmergencyNumber
from core.validators import validate_international_phone
from places.models import Place
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=None)


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "places": Place.objects.count(),
        "themes": Theme.objects.count(),
        "numbers": EmergencyNumber.objects.count(),
    }


def test_demo_is_believable_and_complete(demo, client):
    services = ServicePage.objects.live().filter(locale__language_code="fr")
    assert services.count() >= 40
    assert Place.objects.count() >= 8
    assert Theme.objects.count() >= 12
    assert ThemePage.objects.live().count() >= 4
    for theme in Theme.objects.filter(locale__language_code="fr"):
        assert services.filter(themes=theme).exists(), theme.name
    assert services.filter(is_sensitive=True).exists()
    assert services.filter(is_suspended=True).exclude(suspension_message="").exists()
    assert services.exclude(easy_read_summary="").count() >= 5
    assert {"+41", "+33"} <= {s.phone[:3] for s in services}
    night = services.get(slug="correspondants-de-nuit").opening_periods.first()
    assert night.closes < night.opens
    overdue = [s for s in services if s.is_review_overdue()]
    assert 0 < len(overdue) < 10
    # Valid as an editor would have to save it.
    for service in services:
        assert service.themes.exists(), service.title
        assert service.access_modes.exists(), service.title
        if service.phone:
            validate_international_phone(service.phone)
        if service.cost != "free":
            assert service.cost_details, service.title
        service.full_clean()
    assert_site_root_is_served(client)


def assert_site_root_is_served(client):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    assert ContactSettings.for_site(site).organisation_name
    assert ServiceIndexPage.objects.child_of(site.root_page).get().url == "/fr/services/"
    response = client.get("/fr/")
    assert response.status_code == 200
    assert b"Seniors" in response.content
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    # Every page exists in every language (French text until translated).
    assert client.get("/ti/services/action-impots/").status_code == 200


def test_second_run_changes_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=None)
    assert counts() == before
