"""Every page type, in French, English, Arabic and Tigrinya: axe-clean, reflows, self-contained."""

import pytest

from .conftest import axe_violations

PAGES = {
    "home": "/{lang}/",
    "directory": "/{lang}/services/",
    "service": "/{lang}/services/action-impots/",
    "sensitive service": "/{lang}/services/aide-violences-conjugales-geneve/",
    "suspended service": "/{lang}/services/jardins-robinsons/",
    "service with an image and a document": "/{lang}/services/guichet-information-sociale/",
    "theme": "/{lang}/seniors/",
    "content page": "/{lang}/declaration-accessibilite/",
    "search with results": "/{lang}/search/?q=imp%C3%B4ts",
    "search without results": "/{lang}/search/?q=zzzzzz",
    "open data": "/{lang}/open-data/",
    "not found": "/{lang}/no-such-page/",
}
LANGUAGES = ["fr", "en", "ar", "ti"]


def open_page(page, path):
    response = page.goto(path)
    assert response is not None
    return response


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_page_has_no_axe_violation(viewer, viewer_request_log, kind, language):
    path = PAGES[kind].format(lang=language)
    response = open_page(viewer, path)
    assert response.status == (404 if kind == "not found" else 200), path
    assert axe_violations(viewer) == []
    assert viewer_request_log.third_party() == []
    direction = "rtl" if language == "ar" else "ltr"
    assert viewer.locator("html").get_attribute("dir") == direction
    assert viewer.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("kind", ["home", "directory", "service", "search with results"])
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_page_reflows_at_320_css_pixels(viewer, kind, language):
    viewer.set_viewport_size({"width": 320, "height": 640})
    open_page(viewer, PAGES[kind].format(lang=language))
    overflow = viewer.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_arabic_layout_is_mirrored(viewer):
    open_page(viewer, "/ar/")
    site_name = viewer.locator(".site-name").bounding_box()
    search = viewer.locator(".header-search").bounding_box()
    assert site_name["x"] > search["x"], "the site name starts on the right in Arabic"


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    open_page(page, "/fr/services/action-impots/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
