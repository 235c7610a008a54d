"""Which page types go where, and that each renders and can be edited in the admin."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory, ThemePageFactory
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage

from .service_form import service_form_data


class PageTypeRules(WagtailPageTestCase):
    def test_home_page_goes_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ServiceIndexPage, ThemePage, StandardPage})

    def test_directory_only_under_a_home_page_and_holds_only_services(self):
        self.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage})

    def test_services_only_in_the_directory(self):
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedSubpageTypes(ServicePage, set())
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanNotCreateAt(StandardPage, ServicePage)

    def test_theme_pages_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ThemePage, {HomePage})
        self.assertAllowedSubpageTypes(ThemePage, set())
        self.assertCanNotCreateAt(ServiceIndexPage, ThemePage)

    def test_content_pages_under_home_or_content_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(ServiceIndexPage, StandardPage)


@pytest.mark.django_db
def test_only_one_directory_per_home_page(site_tree):
    assert not ServiceIndexPage.can_create_at(site_tree.home)
    assert ServiceIndexPage.can_create_at(HomePage(title="Another home"))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["home", "directory", "service", "theme", "standard"])
def test_each_page_type_renders_and_opens_in_the_editor(site_tree, admin_client, kind):
    pages = {
        "home": lambda: site_tree.home,
        "directory": lambda: site_tree.directory,
        "service": lambda: ServicePageFactory(parent=site_tree.directory, places=[PlaceFactory()]),
        "theme": lambda: ThemePageFactory(parent=site_tree.home),
        "standard": lambda: StandardPageFactory(parent=site_tree.home),
    }
    page = pages[kind]()
    assert admin_client.get(page.url).status_code == 200
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_service_page_created_through_the_admin(site_tree, admin_client, theme, walk_in):
    place = PlaceFactory()
    data = service_form_data(
        theme,
        walk_in,
        service_places=[{"place": place.pk, "note": "2e étage"}],
        opening_periods=[
            {
                "place": place.pk,
                "weekday": "1",
                "opens": "09:00",
                "closes": "12:00",
                "valid_from": "",
                "valid_until": "",
            }
        ],
        required_documents=[{"document": "Pièce d’identité", "details": ""}],
        online_procedures=[
            {"title": "Déclarer en ligne", "url": "https://www.ge.ch/", "description": ""}
        ],
    )
    response = admin_client.post(
        f"/admin/pages/add/services_directory/servicepage/{site_tree.directory.pk}/", data
    )
    assert response.status_code == 302, response.context["form"].errors
    service = ServicePage.objects.get(slug="permanence-impots", locale=site_tree.locale)
    assert list(service.themes.all()) == [theme]
    assert service.service_places.get().note == "2e étage"
    assert service.opening_periods.get().weekday == 1
    assert service.required_documents.count() == 1
    assert service.online_procedures.get().url == "https://www.ge.ch/"
    assert service.phone == "+41 22 306 06 70"


@pytest.mark.django_db
def test_standard_page_edited_through_the_admin(site_tree, admin_client):
    page = StandardPageFactory(parent=site_tree.home, title="À propos")
    data = nested_form_data(
        {
            "title": "À propos de nous",
            "slug": page.slug,
            "intro": "",
            "body": rich_text("<p>Texte</p>"),
        }
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "À propos de nous"
