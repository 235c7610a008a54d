"""“My list” in a browser: saved on a service page, shown, printed on one sheet, removed;
on a kiosk, erased by “Start over”. The server side is tests/frontend/test_take_away.py."""

from urllib.parse import parse_qs, urlsplit

from .conftest import axe_violations
from .test_kiosk_browser import enter, kiosk, start  # noqa: F401 (fixtures)

SERVICE = "/fr/services/action-impots/"
OTHER = "/fr/services/jardins-robinsons/"
KEY = "proxima-my-list"


def saved_ids(page):
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}') || '[]').map((i) => i.id)")


def test_save_show_print_and_clear_the_list(page):
    page.goto(SERVICE)
    toggle = page.locator(".service__header [data-my-list-toggle]")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.wait_for_function("() => document.querySelector('[data-my-list-status]').textContent")
    assert "1" in page.locator(".service__header [data-my-list-status]").text_content()
    first_id = int(toggle.get_attribute("data-id"))
    assert saved_ids(page) == [first_id]

    # A card's button on the directory knows the service is saved, and saves another.
    page.goto(OTHER)
    page.locator(".service__header [data-my-list-toggle]").click()
    second_id = int(page.locator(".service__header [data-my-list-toggle]").get_attribute("data-id"))
    page.goto("/fr/services/?q=impots")
    card_toggle = page.locator(f".service-card [data-my-list-toggle][data-id='{first_id}']")
    assert card_toggle.get_attribute("aria-pressed") == "true"

    page.goto("/fr/my-list/")
    assert not page.locator("[data-my-list-unavailable]").is_visible()
    items = page.locator("[data-my-list-items] li a")
    assert items.count() == 2
    assert items.first.get_attribute("href") == SERVICE
    assert axe_violations(page) == []

    page.locator("[data-my-list-sheet] button[type=submit]").click()
    page.wait_for_url("**/fr/my-list/sheet/**")
    assert parse_qs(urlsplit(page.url).query)["id"] == [str(first_id), str(second_id)]
    assert page.locator(".list-sheet__service svg.qr-code").count() == 2
    assert page.locator("[data-print]").is_visible()
    assert axe_violations(page) == []

    page.goto("/fr/my-list/")
    page.locator("[data-my-list-remove]").first.click()
    assert saved_ids(page) == [second_id]
    assert page.evaluate("document.activeElement.dataset.myListRemove") == str(second_id)
    page.locator("[data-my-list-clear]").click()
    assert saved_ids(page) == []
    assert page.locator("[data-my-list-empty]").is_visible()
    page.wait_for_function(
        "() => document.querySelector('[data-my-list-status]').textContent.includes('vide')"
    )
    assert page.context.cookies() == [], "the list needs no cookie"


def test_start_over_on_a_kiosk_erases_the_list(kiosk, start):  # noqa: F811
    enter(kiosk, start)
    kiosk.goto(SERVICE)
    kiosk.locator(".service__header [data-my-list-toggle]").click()
    kiosk.goto("/fr/my-list/")
    assert kiosk.locator("[data-my-list-items] li").count() == 1
    kiosk.locator("[data-kiosk-restart]").first.click()
    kiosk.wait_for_url(lambda url: urlsplit(url).path == "/kiosk/")
    assert kiosk.evaluate(f"localStorage.getItem('{KEY}')") is None
    enter(kiosk, start)
    kiosk.goto("/fr/my-list/")
    assert kiosk.locator("[data-my-list-empty]").is_visible()
