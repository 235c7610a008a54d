"""Every page type, in every language: its language and direction, and its alternates."""

import re

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from home.factories import StandardPageFactory
from localization.sync import synchronise_all_trees
from services_directory.factories import ServicePageFactory, ThemePageFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
WAGTAIL_PAGE_TYPES = {"home", "directory", "service", "theme", "standard"}


@pytest.fixture
def every_page_type(module_every_page_type, site_tree):
    return read_again(module_every_page_type)


@once_per_module
def module_every_page_type(site_tree):
    """One French page of each type, synchronised into every language."""
    ServicePageFactory(parent=site_tree.directory, title="Permanence impôts", slug="impots")
    ThemePageFactory(parent=site_tree.home, title="Logement", slug="logement")
    StandardPageFactory(parent=site_tree.home, title="Accessibilité", slug="accessibilite")
    synchronise_all_trees()
    return {
        "home": "",
        "directory": "services/",
        "service": "services/impots/",
        "theme": "logement/",
        "standard": "accessibilite/",
        "search": "search/?q=imp%C3%B4ts",
        "report form": "report-a-problem/?page=/fr/",
    }


def html_element(content):
    return re.search(r"<html ([^>]*)>", content)[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_renders_in_the_language_with_its_direction_and_alternates(
    every_page_type, client, language
):
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    for page_type, path in every_page_type.items():
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, (language, page_type)
        content = response.content.decode()
        assert html_element(content) == f'lang="{language}" dir="{direction}"', page_type
        # The language switcher offers every language, each named in itself.
        for code in LANGUAGES:
            name = get_language_info(code)["name_local"]
            assert re.search(rf'lang="{code}"[^>]*>\s*{re.escape(name)}\s*<', content), (
                language,
                page_type,
                code,
            )
        if page_type in WAGTAIL_PAGE_TYPES:
            assert_alternates(content, path)
        else:
            assert_switcher_keeps_the_view(content, path)


def assert_switcher_keeps_the_view(content, path):
    """A view that is not a page (search, report form) in each language, its query kept."""
    links = dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang=', content))
    expected = {f"/{code}/{path}".replace("&", "&amp;"): code for code in LANGUAGES}
    assert links == expected, path


def assert_alternates(content, path):
    """The page in every language, French being the default for other visitors."""
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content)
    )
    assert set(alternates) == {*LANGUAGES, "x-default"}, path
    assert alternates["x-default"] == alternates["fr"]
    for code in LANGUAGES:
        assert alternates[code].endswith(f"/{code}/{path}"), (code, alternates[code])
