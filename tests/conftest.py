"""Fixtures shared by the whole suite.

``site_tree`` is the smallest real site: a French home page served by the default
Site, with the services directory under it. Area-specific fixtures live in the
area's own ``conftest.py``.
"""

from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core import breaker
from home.models import HomePage
from services_directory.models import ServiceIndexPage


@pytest.fixture(autouse=True)
def _french_by_default():
    """Each test starts in French, the site's default language, whatever ran before."""
    with translation.override("fr"):
        yield


@pytest.fixture(autouse=True)
def _closed_breakers():
    """Each test starts with every service trusted again (core.breaker is per process)."""
    breaker.reset_all()
    yield
    breaker.reset_all()


def build_site_tree():
    """A French home page as the default site's root, with the directory at /fr/services/."""
    locale, _created = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for welcome in root.get_children():
        welcome.delete()
    home = root.add_child(
        instance=HomePage(
            title="Accueil",
            slug="accueil",
            locale=locale,
            intro="Trouver de l’aide près de chez vous.",
        )
    )
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Proxima"
    )
    directory = home.add_child(
        instance=ServiceIndexPage(title="Services", slug="services", locale=locale)
    )
    return SimpleNamespace(locale=locale, home=home, site=site, directory=directory)


@pytest.fixture
def site_tree(db):
    return build_site_tree()
