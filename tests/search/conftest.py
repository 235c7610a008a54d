import pytest
from wagtail.models import Locale

from services_directory.factories import ServicePageFactory


@pytest.fixture
def portuguese_tree(site_tree):
    """The site tree translated to Portuguese (home and directory)."""
    locale, _created = Locale.objects.get_or_create(language_code="pt")
    home = site_tree.home.copy_for_translation(locale)
    home.save_revision().publish()
    directory = site_tree.directory.copy_for_translation(locale)
    directory.save_revision().publish()
    return directory


@pytest.fixture
def housing_pages(site_tree, portuguese_tree):
    french = ServicePageFactory(
        parent=site_tree.directory,
        title="Aide au logement",
        summary="Trouver un logement et payer son loyer.",
    )
    portuguese = ServicePageFactory(
        parent=portuguese_tree,
        title="Ajuda à habitação",
        slug="ajuda-habitacao",
        summary="Encontrar uma habitação e pagar a renda.",
        locale=portuguese_tree.locale,
    )
    return french, portuguese
