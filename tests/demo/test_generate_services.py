import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from services_directory.models import ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(site_tree):
    """Just enough of a site for the generator: the directory and its taxonomies."""
    from places.factories import PlaceFactory
    from services_directory.factories import ServicePageFactory

    ServicePageFactory(parent=site_tree.directory, places=[PlaceFactory()])
    return ServicePage.objects.count()


def test_adds_exactly_n_live_routable_searchable_services(demo, client):
    call_command("generate_services", count=50, seed=3)
    generated = ServicePage.objects.filter(slug__startswith="service-genere-")
    assert generated.count() == 50
    assert ServicePage.objects.count() == demo + 50
    assert generated.live().count() == 50
    assert all(page.themes.exists() and page.access_modes.exists() for page in generated)
    assert client.get(generated.first().url).status_code == 200
    word = generated.first().title.split()[0]
    found = ServicePage.objects.live().search(word)
    assert any(page.slug.startswith("service-genere-") for page in found)
    # The tree is consistent: the directory knows its new children.
    directory = generated.first().get_parent()
    assert directory.numchild == directory.get_children().count()
    assert Page.find_problems() == ([], [], [], [], [])


def test_refuses_without_a_directory(db):
    with pytest.raises(CommandError):
        call_command("generate_services", count=5)
