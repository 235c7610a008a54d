"""The search page in a browser: axe-clean in every state, a keyboard combobox, no JS needed."""

import pytest

from .conftest import axe_violations

STATES = {
    "empty": "/fr/search/",
    "with results": "/fr/search/?q=aide",
    "second page": "/fr/search/?q=aide&page=2",
    "no results, with a suggestion": "/fr/search/?q=logemnt",
    "no results": "/fr/search/?q=zzzzzz",
    "hostile input": "/fr/search/?q=%22%00%E2%80%AE%20OR%20*",
    "arabic with results": "/ar/search/?q=aide",
}


@pytest.mark.parametrize(
    "state",
    STATES,
)
def test_search_page_has_no_axe_violation(viewer, viewer_request_log, state):
    response = viewer.goto(STATES[state])
    assert response.status == 200
    assert viewer.locator("h1").count() == 1
    assert viewer.locator("label[for=search-page-input]").count() == 1
    assert axe_violations(viewer) == []
    assert viewer_request_log.third_party() == []


def test_result_count_is_announced(viewer):
    viewer.goto("/fr/search/?q=aide")
    status = viewer.locator("[role=status] .search__count").inner_text()
    assert "aide" in status
    assert any(char.isdigit() for char in status)


def test_no_results_offers_help(viewer):
    viewer.goto("/fr/search/?q=zzzzzz")
    assert viewer.locator(".no-results").is_visible()
    assert viewer.locator(".no-results a").count() > 0  # themes (and the phone number)


def test_open_suggestions_are_accessible_and_escape_closes_them(page):
    page.goto("/fr/search/")
    field = page.locator("#search-page-input")
    assert field.get_attribute("role") == "combobox"
    field.focus()
    page.keyboard.type("aide")
    page.wait_for_selector("#search-page-input-suggestions [role=option]")
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == "search-page-input-suggestions"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert field.get_attribute("aria-activedescendant") == "search-page-input-suggestions-0"
    selected = page.locator("#search-page-input-suggestions-0")
    assert selected.get_attribute("aria-selected") == "true"
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert page.locator("#search-page-input-suggestions").is_hidden()
    # Enter without a highlighted suggestion submits the form as usual.
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/search/?q=aide")
    assert page.locator("#search-page-input").input_value() == "aide"
    assert page.locator("[role=status] .search__count").is_visible()


def test_search_works_without_javascript(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/fr/search/")
    page.fill("#search-page-input", "aide")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/search/?q=aide")
    assert page.locator(".card-list li").count() > 0
    context.close()
