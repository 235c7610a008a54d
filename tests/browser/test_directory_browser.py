"""The directory and search with a keyboard, with and without JavaScript."""

import re

from .conftest import axe_violations

MAX_TABS = 250


def tab_to(page, selector):
    """Presses Tab until the focused element matches ``selector``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


def test_keyboard_journey_home_directory_filters_result_and_back(page):
    page.goto("/fr/")
    tab_to(page, "main a[href='/fr/services/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/services/")

    tab_to(page, "input[name=theme][value=seniors]")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"theme=seniors"))
    assert page.evaluate("document.activeElement.value") == "seniors", "focus stays on the filter"

    tab_to(page, "input[name=free][value='1']")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"free=1"))
    status = page.locator("#directory-results [role=status]").inner_text()
    assert re.search(r"\d+", status)

    tab_to(page, "#directory-results .service-card__title a")
    title = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1#service-title")
    assert page.locator("h1").inner_text() == title

    page.go_back()
    page.wait_for_selector("#directory-form")
    assert page.locator("input[name=theme][value=seniors]").is_checked()
    assert page.locator("input[name=free][value='1']").is_checked()


def test_filters_work_without_javascript(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/fr/services/")
    page.check("input[name=theme][value=seniors]")
    page.check("input[name=language][value=ar]")
    page.click("#directory-form button[type=submit]")
    assert "theme=seniors" in page.url and "language=ar" in page.url
    assert page.locator(".chips a").count() == 3  # two chips and "clear all"
    context.close()


def test_directory_with_filters_and_no_results_is_accessible(page):
    page.goto("/fr/services/?theme=seniors&language=ti&free=1&open=now&near=1214&sort=distance")
    assert axe_violations(page) == []
    page.goto("/ar/services/?theme=seniors&free=1")
    assert axe_violations(page) == []


def test_autocomplete_is_a_keyboard_combobox(page):
    page.goto("/fr/search/")
    field = page.locator("#search-page-input")
    field.focus()
    page.keyboard.type("perm")
    page.wait_for_selector("#search-page-input-suggestions [role=option]")
    assert field.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert active == "search-page-input-suggestions-0"
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    page.wait_for_selector("h1#service-title")
