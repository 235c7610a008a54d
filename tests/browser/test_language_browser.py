"""Switching language keeps the resident on the same service; Arabic is mirrored."""

import re

import pytest

SERVICE = "/{lang}/services/guichet-information-sociale/"


def heading(page):
    return page.locator("main h1").inner_text().strip()


def switch_to(page, language):
    page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    page.wait_for_url(re.compile(SERVICE.format(lang=language) + "$"))


def test_switching_language_on_a_service_page_keeps_the_service(page):
    page.goto(SERVICE.format(lang="fr"))
    assert heading(page) == "Guichet d’information sociale"

    switch_to(page, "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert heading(page) == "Social information desk"

    switch_to(page, "ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert heading(page) == "مكتب الإعلام الاجتماعي"

    # Not translated into Tigrinya: the same service, in French, with the notice.
    switch_to(page, "ti")
    assert page.locator("html").get_attribute("lang") == "ti"
    assert page.locator("main h1").get_attribute("lang") == "fr"
    assert heading(page) == "Guichet d’information sociale"
    assert page.locator(".notice--translation").get_attribute("lang") == "ti"

    switch_to(page, "fr")
    assert heading(page) == "Guichet d’information sociale"


def main_navigation_boxes(page):
    items = page.locator(".main-nav li")
    assert items.count() >= 2
    return items.first.bounding_box(), items.last.bounding_box()


@pytest.mark.parametrize("path", ["/{lang}/", SERVICE])
def test_arabic_main_navigation_starts_on_the_right(viewer, path):
    width = viewer.viewport_size["width"]
    viewer.goto(path.format(lang="fr"))
    first, last = main_navigation_boxes(viewer)
    assert first["x"] < last["x"], "French reads from the left"
    assert first["x"] < width / 2

    viewer.goto(path.format(lang="ar"))
    first, last = main_navigation_boxes(viewer)
    assert first["x"] > last["x"], "Arabic reads from the right"
    assert first["x"] + first["width"] > width / 2
