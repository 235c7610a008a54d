"""Resident tools: display settings, exit this page, printable sheet with QR code."""

import re

from .conftest import axe_violations

SENSITIVE = "/fr/services/aide-violences-conjugales-geneve/"
SERVICE = "/fr/services/action-impots/"


def test_display_settings_persist_and_apply_before_paint(page):
    page.goto(SERVICE)
    page.click(".display-settings summary")
    page.check("input[name=size][value='3']")
    page.check("input[name=contrast][value=high]")
    assert page.locator("html").get_attribute("data-text-size") == "3"
    # On the next page the attributes are set by a blocking script in <head>, before
    # the body exists: record them at the first DOMContentLoaded-free moment.
    page.add_init_script(
        "document.addEventListener('readystatechange', () => {"
        " if (!window.__firstState) window.__firstState ="
        " document.documentElement.getAttribute('data-text-size'); }, {once: true});"
    )
    page.goto("/fr/services/")
    assert page.evaluate("window.__firstState") == "3"
    assert page.locator("html").get_attribute("data-contrast") == "high"
    cookies = page.context.cookies()
    assert not [cookie for cookie in cookies if "display" in cookie["name"]]
    assert axe_violations(page) == []


def test_exit_button_leaves_and_replaces_history(page):
    page.goto("/fr/")
    page.goto(SENSITIVE)
    href = page.get_attribute("[data-exit-link]", "href")
    page.route(re.compile(r"^https://"), lambda route: route.fulfill(body="<title>Neutral</title>"))
    page.click("[data-exit-link]")
    page.wait_for_url(href)
    page.go_back()
    assert page.url.endswith("/fr/"), "Back does not return to the sensitive page"


def test_exit_by_pressing_shift_three_times(page):
    page.route(re.compile(r"^https://"), lambda route: route.fulfill(body="<title>Neutral</title>"))
    page.goto(SENSITIVE)
    href = page.get_attribute("[data-exit-link]", "href")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(href)


def test_exit_is_a_plain_link_without_javascript(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(SENSITIVE)
    link = page.locator("[data-exit-link]")
    assert link.is_visible()
    assert link.get_attribute("href").startswith("https://")
    context.close()


def test_only_sensitive_pages_have_the_exit_button(viewer):
    viewer.goto(SERVICE)
    assert viewer.locator("[data-exit-link]").count() == 0
    viewer.goto("/fr/droits-des-femmes-violences/")
    assert viewer.locator("[data-exit-link]").count() == 1


def test_print_view_fits_one_a4_page_with_the_qr_code(page):
    page.goto(SERVICE)
    page.emulate_media(media="print")
    assert page.locator(".sheet-footer svg.qr-code").is_visible()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1


def test_print_button_is_reached_and_pressed_with_the_keyboard(page):
    # The journey home → directory → filters → service is in test_directory_browser.py;
    # this is its last step. The print dialog itself is stubbed: it would block the test.
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(SERVICE)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-print]')"):
            break
    else:
        raise AssertionError("the print button cannot be reached with the keyboard")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") is True


def test_send_to_my_phone_shows_the_qr_code(page):
    page.goto(SERVICE)
    page.click(".send-to-phone summary")
    qr = page.locator(".send-to-phone svg.qr-code")
    assert qr.is_visible()
    assert "QR" in qr.locator("title").text_content()


def test_easy_read_version_can_come_first(page):
    page.goto(SERVICE)
    page.click(".easy-read-toggle a")
    first_section = page.locator("article.service header > :nth-child(2)")
    assert "easy-read" in first_section.get_attribute("class")
    assert axe_violations(page) == []
