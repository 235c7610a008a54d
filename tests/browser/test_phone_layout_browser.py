"""Phones first: on a narrow screen the header is short, the directory's results come
before its filters, and nothing crosses the screen's edges, left-to-right or right-to-left."""

import pytest

PHONE = {"width": 390, "height": 844}
WIDTHS = [320, 390, 1280]
LANGUAGES = ["fr", "ar"]
LANGUAGE_COUNT = 12

# Visible controls and text blocks that cross the screen's edges.
OUT_OF_BOUNDS = """() => {
  const width = document.documentElement.clientWidth;
  const selector = "body a, body button, body summary, body input, body h1, body h2, body p";
  return [...document.querySelectorAll(selector)]
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([element, box]) => box.width > 1 && (box.left < 0 || box.right > width))
    .map(([element, box]) => `${element.tagName} ${element.textContent.trim().slice(0, 30)}`
      + ` ${Math.round(box.left)}–${Math.round(box.right)}`);
}"""


def bottom(page, selector):
    box = page.locator(selector).first.bounding_box()
    return box["y"] + box["height"]


def test_nothing_crosses_the_screen_edges_and_results_come_first(viewer):
    for width in WIDTHS:
        viewer.set_viewport_size({"width": width, "height": PHONE["height"]})
        for language in LANGUAGES:
            for path in ("/{lang}/services/", "/{lang}/services/action-impots/"):
                viewer.goto(path.format(lang=language))
                scroll_width = viewer.evaluate("document.documentElement.scrollWidth")
                assert scroll_width <= width, (viewer.url, width, scroll_width)
                assert viewer.evaluate(OUT_OF_BOUNDS) == [], (viewer.url, width)
            if width == PHONE["width"]:
                # The header takes about a quarter of the phone's screen; on the
                # directory, the first result is whole before any scrolling.
                viewer.goto(f"/{language}/services/")
                assert bottom(viewer, ".site-header") <= PHONE["height"] / 4
                assert bottom(viewer, ".service-card__title") <= PHONE["height"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_controls_work_without_javascript(browser, site_url, language):
    context = browser.new_context(
        base_url=site_url, viewport=PHONE, java_script_enabled=False, has_touch=True
    )
    page = context.new_page()
    page.goto(f"/{language}/services/")

    # One control names the current language; it opens on every language, each in its script.
    switcher = page.locator(".language-switcher")
    current = switcher.locator("a[aria-current]").text_content().strip()
    assert switcher.locator("summary").inner_text().strip() == current
    links = switcher.locator("a[lang]")
    assert links.count() == LANGUAGE_COUNT
    assert not links.first.is_visible()
    switcher.locator("summary").click()
    assert all(links.nth(index).is_visible() for index in range(LANGUAGE_COUNT))
    switcher.locator("summary").click()

    # The results come first; "Filter" opens the facets.
    facet = page.locator("input[name=theme]").first
    assert not facet.is_visible()
    count = page.locator("#results-heading").bounding_box()
    assert count["y"] + count["height"] <= PHONE["height"]
    page.locator(".directory__filters-toggle > summary").click()
    assert facet.is_visible()
    facet.check()
    page.click("#directory-form button[type=submit]")
    assert "theme=" in page.url
    context.close()


def test_wide_screens_show_every_language_and_the_filters_at_once(viewer):
    viewer.goto("/fr/services/")
    assert not viewer.locator(".language-switcher summary").is_visible()
    assert viewer.locator(".language-switcher a[lang]").nth(LANGUAGE_COUNT - 1).is_visible()
    assert not viewer.locator(".directory__filters-toggle > summary").is_visible()
    assert viewer.locator("input[name=theme]").first.is_visible()
