"""manage.py setup_site: a commune's empty, real site, with no demo content."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site, WorkflowPage

from core.models import ContactSettings, EmergencyNumber
from demo.data import taxonomies
from home.models import HomePage, StandardPage
from kiosk.models import KioskProfile
from places.models import Place
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import Theme

pytestmark = pytest.mark.django_db

NAME = "Ville de Lancy – action sociale"


def setup_site(**options):
    output = StringIO()
    call_command(
        "setup_site", stdout=output, **{"name": NAME, "time_zone": "Europe/Zurich", **options}
    )
    return output.getvalue()


def test_an_empty_real_site_in_every_language(settings):
    settings.TIME_ZONE = "Europe/Zurich"
    setup_site()
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=french)
    assert home.title == NAME and home.live
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page_id, site.site_name) == (home.pk, NAME)
    assert ContactSettings.for_site(site).organisation_name == NAME
    assert ServiceIndexPage.objects.child_of(home).live().count() == 1
    assert ThemePage.objects.child_of(home).live().count() == len(taxonomies.THEMES)
    assert Theme.objects.filter(locale=french).count() == len(taxonomies.THEMES)
    # No demo content.
    for model in (ServicePage, StandardPage, Place, EmergencyNumber, KioskProfile):
        assert not model.objects.exists(), model
    assert not Page.objects.filter(content_type__model="page", depth=2).exists(), "welcome page"
    # Every language has the tree; the groups and the moderation workflow are there.
    for code, _name in settings.LANGUAGES:
        assert HomePage.objects.filter(locale__language_code=code).exists(), code
    assert {"Editors", "Moderators", "Translators"} <= set(
        Group.objects.values_list("name", flat=True)
    )
    assert WorkflowPage.objects.filter(page__depth=1, workflow__active=True).exists()
    # Again: nothing changes.
    pages = Page.objects.count()
    assert "0 objects created" in setup_site()
    assert Page.objects.count() == pages


def test_the_time_zone_must_be_the_settings_one(settings):
    settings.TIME_ZONE = "Europe/Zurich"
    with pytest.raises(CommandError, match="TIME_ZONE=Europe/Paris"):
        setup_site(time_zone="Europe/Paris")
    with pytest.raises(CommandError, match="Unknown time zone"):
        setup_site(time_zone="Europe/Atlantis")
    assert not HomePage.objects.exists()
