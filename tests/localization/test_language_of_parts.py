"""Language of parts (WCAG 3.1.2) on a page not yet translated: French text, interface in
the visitor's language, each marked so that screen readers and read aloud pick the voice."""

import pytest
from bs4 import BeautifulSoup
from django.utils.translation import gettext, override
from wagtail.models import Locale

from localization.sync import synchronise_all_trees
from services_directory.factories import ServicePageFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db


def effective(element):
    """The (lang, dir) an element inherits, as a browser resolves them."""
    lang = direction = None
    for node in [element, *element.parents]:
        if lang is None and node.has_attr("lang"):
            lang = node["lang"]
        if direction is None and node.has_attr("dir"):
            direction = node["dir"]
    return lang, direction


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def heading(soup, text):
    found = soup.find(lambda tag: tag.name in {"h1", "h2", "h3"} and tag.get_text() == text)
    assert found is not None, text
    return found


@pytest.fixture
def service(module_service, site_tree):
    return read_again(module_service)


@once_per_module
def module_service(site_tree):
    service = ServicePageFactory(
        parent=site_tree.directory,
        title="Permanence impôts",
        slug="impots",
        summary="Aide pour la déclaration de revenus.",
    )
    synchronise_all_trees()
    return service


def test_untranslated_service_page_marks_french_text_and_arabic_interface(service, client):
    soup = parse(client, "/ar/services/impots/")
    assert effective(soup.find("h1")) == ("fr", "ltr")
    assert effective(soup.find("p", class_="lead")) == ("fr", "ltr")
    assert effective(soup.find("span", attrs={"aria-current": "page"})) == ("fr", "ltr")
    with override("ar"):
        interface = [gettext("Where and when"), gettext("How to get this help"), gettext("Contact")]
        cost = gettext("Cost")
    assert interface[0] != "Where and when", "the Arabic catalogue is compiled"
    for text in interface:
        assert effective(heading(soup, text)) == ("ar", "rtl")
    assert effective(soup.find("dt", string=cost)) == ("ar", "rtl")
    assert effective(soup.find(class_="notice--translation")) == ("ar", "rtl")
    assert not soup.find("main").has_attr("lang")


def test_untranslated_directory_marks_only_the_french_text(service, client):
    soup = parse(client, "/ar/services/")
    assert effective(soup.find("h1")) == ("fr", "ltr")
    card_title = soup.find(class_="service-card__title").find("a")
    assert card_title.get_text() == "Permanence impôts"
    assert effective(card_title) == ("fr", "ltr")
    with override("ar"):
        refine = gettext("Refine the list")
        show = gettext("Show services")
    assert effective(heading(soup, refine)) == ("ar", "rtl")
    assert effective(soup.find("button", string=show)) == ("ar", "rtl")
    assert effective(soup.find("legend")) == ("ar", "rtl")
    assert effective(soup.find(class_="directory__count")) == ("ar", "rtl")


def test_untranslated_page_in_a_left_to_right_language_needs_no_dir(service, client):
    soup = parse(client, "/ta/services/impots/")
    assert soup.find("h1")["lang"] == "fr"
    assert not soup.find("h1").has_attr("dir")


def langs_inside_main(soup):
    """Elements in <main> declaring a language, except the service's spoken languages."""
    main = soup.find("main")
    return [
        element
        for element in main.find_all(lang=True)
        if element.name != "span" or element.parent.name not in {"dd", "li"}
    ]


def test_translated_and_french_pages_declare_no_other_language(service, client):
    arabic = service.get_translation(Locale.objects.get(language_code="ar"))
    arabic.alias_of = None
    arabic.title = "مكتب مساعدة الضرائب"
    arabic.save_revision().publish()
    translated = parse(client, "/ar/services/impots/")
    assert translated.find("h1").get_text() == "مكتب مساعدة الضرائب"
    assert effective(translated.find("h1")) == ("ar", "rtl")
    # Only the breadcrumb to the directory, itself not translated, is French.
    assert [(e.get_text(), e["lang"]) for e in langs_inside_main(translated)] == [
        ("Services", "fr")
    ]
    french = parse(client, "/fr/services/impots/")
    assert effective(french.find("h1")) == ("fr", "ltr")
    assert langs_inside_main(french) == []


def test_a_directory_mixes_translated_and_untranslated_cards(service, site_tree, client):
    ServicePageFactory(parent=site_tree.directory, title="Aide au logement", slug="logement")
    synchronise_all_trees()
    arabic = service.get_translation(Locale.objects.get(language_code="ar"))
    arabic.alias_of = None
    arabic.title = "مكتب مساعدة الضرائب"
    arabic.save_revision().publish()
    soup = parse(client, "/ar/services/")
    titles = {link.get_text(): effective(link) for link in soup.select(".service-card__title a")}
    assert titles == {"مكتب مساعدة الضرائب": ("ar", "rtl"), "Aide au logement": ("fr", "ltr")}
