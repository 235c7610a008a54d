"""Kiosk mode on a portrait touch screen: reset, touch targets, links, offline, axe."""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import axe_violations, clear_after_looking, new_page

KIOSK_SCREEN = {"width": 800, "height": 1280}
HOME = "/fr/kiosk/"
# A Vernier hub service with an allow-listed procedure (GeTax) and an outside link (the
# organisation's website), translated in the browser fixtures.
SERVICE = "/fr/services/action-impots/"
GETAX = "https://www.ge.ch/declarer-mes-impots-personne-physique"
NOT_KEPT = "/fr/services/jardins-robinsons/"
SENSITIVE = "/fr/services/aide-violences-conjugales-geneve/"

SMALL_TARGETS = """() => [...document.querySelectorAll('a, button, input, select, summary')]
  .filter((el) => el.checkVisibility() && el.type !== 'hidden')
  .map((el) => ({el, box: el.getBoundingClientRect()}))
  .filter(({box}) => box.width < 48 || box.height < 48)
  .map(({el, box}) =>
    `${el.tagName} ${el.textContent.trim().slice(0, 30)} ${box.width}x${box.height}`)
"""


@pytest.fixture(scope="module")
def start(site_url, django_db_blocker):
    """The Vernier screen's enrolment address, as its launcher opens it."""
    from kiosk.models import KioskProfile

    with django_db_blocker.unblock():
        return KioskProfile.objects.get(slug="vernier-accueil").enrolment_url()


@pytest.fixture
def kiosk(browser, site_url):
    page = new_page(browser, site_url, viewport=KIOSK_SCREEN, has_touch=True)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def kiosk_viewing_tab(browser, site_url):
    page = new_page(browser, site_url, viewport=KIOSK_SCREEN, has_touch=True)
    yield page
    page.context.close()


@pytest.fixture
def kiosk_viewer(kiosk_viewing_tab, site_url):
    """One kiosk tab shared by the tests that only look at its screens (``viewer`` in
    conftest.py): in a new one, the kiosk's service worker fetches every kept page again."""
    yield kiosk_viewing_tab
    clear_after_looking(kiosk_viewing_tab, site_url, KIOSK_SCREEN)


def enter(page, start, language="fr"):
    page.goto(start)
    assert page.url.endswith("/kiosk/")
    page.click(f"a[hreflang={language}]")
    page.wait_for_url(f"**/{language}/kiosk/")


def test_idle_reset_forgets_everything_and_returns_to_the_start(kiosk, start):
    kiosk.clock.install()
    enter(kiosk, start)
    kiosk.fill("#kiosk-search-input", "loyer impayé")
    kiosk.click(".display-settings summary")
    kiosk.check("input[name=size][value='3']")
    kiosk.evaluate("sessionStorage.setItem('visitor', 'x')")
    assert kiosk.evaluate("localStorage.length") > 0
    history_before = kiosk.evaluate("history.length")

    kiosk.clock.fast_forward(121_000)
    dialog = kiosk.locator("dialog[data-kiosk-idle]")
    assert dialog.is_visible()
    assert kiosk.evaluate("document.activeElement.hasAttribute('data-kiosk-continue')")
    kiosk.clock.fast_forward(31_000)
    kiosk.wait_for_url(lambda url: urlsplit(url).path == "/kiosk/")

    assert kiosk.locator("a[hreflang=fr]").is_visible(), "back on the language choice"
    assert kiosk.evaluate("localStorage.length + sessionStorage.length") == 0
    assert kiosk.locator("html").get_attribute("data-text-size") is None
    assert kiosk.evaluate("history.length") <= history_before, "no history entry added"
    kiosk.click("a[hreflang=fr]")
    assert kiosk.input_value("#kiosk-search-input") == ""


def test_continue_postpones_the_reset(kiosk, start):
    kiosk.clock.install()
    enter(kiosk, start)
    kiosk.clock.fast_forward(121_000)
    kiosk.get_by_role("button", name=re.compile("Continu")).click()
    assert not kiosk.locator("dialog[data-kiosk-idle]").is_visible()
    kiosk.clock.fast_forward(100_000)
    assert kiosk.url.endswith(HOME)
    kiosk.clock.fast_forward(25_000)
    assert kiosk.locator("dialog[data-kiosk-idle]").is_visible(), "asks again after idling"
    assert kiosk.url.endswith(HOME)


@pytest.mark.parametrize("path", ["/kiosk/", HOME, "/ar/kiosk/", SERVICE, SENSITIVE])
def test_no_touch_target_smaller_than_48_px(kiosk_viewer, path, start):
    kiosk_viewer.goto(start)
    kiosk_viewer.goto(path)
    if kiosk_viewer.locator(".display-settings").count():
        kiosk_viewer.click(".display-settings summary")
    assert kiosk_viewer.evaluate(SMALL_TARGETS) == []


def test_exit_this_page_on_a_kiosk_starts_the_screen_over(kiosk, start):
    enter(kiosk, start)
    kiosk.goto(SENSITIVE)
    kiosk.evaluate("sessionStorage.setItem('visitor', 'x')")
    kiosk.get_by_role("link", name="Quitter cette page").click()
    kiosk.wait_for_url(lambda url: urlsplit(url).path == "/kiosk/")
    assert kiosk.evaluate("localStorage.length + sessionStorage.length") == 0
    assert kiosk.locator("body.is-kiosk a[hreflang=fr]").is_visible(), "still a kiosk"


def test_a_link_to_the_start_address_leaves_a_phone_as_it_was(browser, site_url):
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    response = page.goto("/kiosk/vernier-accueil/")
    assert response.status == 403
    assert page.locator("h1").inner_text() != ""
    page.goto(SENSITIVE)
    assert page.get_attribute("[data-exit-link]", "href").startswith("https://")
    assert page.locator("body.is-kiosk").count() == 0
    context.close()


def test_outside_links_are_qr_codes_even_without_javascript(browser, site_url, start):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(start)
    page.goto(SERVICE)
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    outside = [h for h in hrefs if not h.startswith(site_url) and h != GETAX]
    assert outside == []
    assert page.locator("[data-kiosk-external] svg.qr-code").first.is_visible()
    assert page.locator("[data-kiosk-external]", has_text="vernier.ch").first.is_visible()
    context.close()


def test_allow_listed_procedure_opens(kiosk, start):
    kiosk.route(
        re.compile(r"^https://www\.ge\.ch/"),
        lambda route: route.fulfill(body="<title>GeTax</title>", content_type="text/html"),
    )
    kiosk.goto(start)
    kiosk.goto(SERVICE)
    kiosk.click(f"a[href='{GETAX}']")
    kiosk.wait_for_url(GETAX)


def test_offline_kept_pages_load_and_others_show_the_message(kiosk, start):
    enter(kiosk, start)
    wait_until_kept(kiosk, [SERVICE, HOME, "/fr/kiosk/offline/"])
    kiosk.context.set_offline(True)
    kiosk.goto(SERVICE)
    assert kiosk.locator("h1").inner_text() != ""
    assert kiosk.locator("[data-kiosk-offline]").count() == 0
    kiosk.goto(NOT_KEPT)
    assert kiosk.locator("[data-kiosk-offline]").is_visible()
    kiosk.context.set_offline(False)
    kiosk.wait_for_selector("[data-kiosk-offline]", state="detached", timeout=20_000)
    assert kiosk.url.endswith(NOT_KEPT)


def wait_until_kept(page, paths, attempts=240):
    """Waits for the service worker to be active and to keep ``paths``.

    The worker fetches every page of the kiosk's hub one after the other: on a busy
    machine (both passes of ``make test`` side by side) that takes tens of seconds.
    The page shown need not be controlled (it may have loaded while the worker was
    activating): the next navigation in the worker's scope goes through it anyway.
    """
    check = (
        "async (paths) => (await navigator.serviceWorker.getRegistration('/'))?.active?.state"
        " === 'activated' && (await Promise.all(paths.map((path) =>"
        " caches.match(path, {ignoreVary: true})))).every(Boolean)"
    )
    for _attempt in range(attempts):
        if page.evaluate(check, paths):
            return
        page.wait_for_timeout(250)
    kept = page.evaluate(
        "async () => (await Promise.all((await caches.keys()).map(async (name) =>"
        " (await (await caches.open(name)).keys()).map((request) => request.url)))).flat()"
    )
    pytest.fail(f"the service worker did not keep {paths}; it kept {kept}")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_kiosk_screens_pass_axe(kiosk_viewer, language, start):
    kiosk_viewer.goto(start)
    assert axe_violations(kiosk_viewer) == []
    kiosk_viewer.click(f"a[hreflang={language}]")
    kiosk_viewer.wait_for_url(f"**/{language}/kiosk/")
    assert axe_violations(kiosk_viewer) == []
    kiosk_viewer.goto(SERVICE.replace("/fr/", f"/{language}/"))
    assert axe_violations(kiosk_viewer) == []
