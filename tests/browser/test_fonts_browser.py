"""Tamil and Ethiopic script: self-hosted fonts, fetched only by the pages that need them."""

import pytest

FULL_FONTS = {"ta": "noto-sans-tamil.woff2", "ti": "noto-sans-ethiopic.woff2"}
NAME_FONTS = ["noto-sans-tamil-name.woff2", "noto-sans-ethiopic-name.woff2"]


def font_statuses(page):
    return page.evaluate(
        "document.fonts.ready.then(() => [...document.fonts]"
        ".filter((face) => face.family.includes('Proxima Scripts')).map((face) => face.status))"
    )


def script_face_statuses(page):
    """The whole-script faces (css/fonts-ta.css, fonts-ti.css: ranges, not single letters).

    ``document.fonts.check`` can't tell: the language-name face shares their family and
    some letters, and stays unloaded since the browser uses the face declared last."""
    return page.evaluate(
        "[...document.fonts].filter((face) => face.family.includes('Proxima Scripts')"
        " && face.unicodeRange.includes('-')).map((face) => face.status)"
    )


def fetched_fonts(request_log):
    return {url.rsplit("/", 1)[-1] for url in request_log.urls if url.endswith(".woff2")}


@pytest.mark.parametrize("language", FULL_FONTS)
def test_pages_in_tamil_and_tigrinya_get_their_script(page, request_log, language):
    page.goto(f"/{language}/services/")
    statuses = font_statuses(page)
    assert "loaded" in statuses and "error" not in statuses
    # The directory's heading is in the language's own script.
    assert any(0x0B80 <= ord(letter) <= 0x139F for letter in page.locator("main h1").inner_text())
    assert FULL_FONTS[language] in fetched_fonts(request_log)
    assert script_face_statuses(page) == ["loaded"]
    other = next(font for code, font in FULL_FONTS.items() if code != language)
    assert other not in fetched_fonts(request_log)
    assert request_log.third_party() == []


def test_other_pages_fetch_only_the_language_names(page, request_log):
    page.goto("/fr/services/")
    assert font_statuses(page).count("loaded") == len(NAME_FONTS)
    assert fetched_fonts(request_log) == set(NAME_FONTS)
    for name in ("தமிழ்", "ትግርኛ"):
        assert page.evaluate(
            "(text) => document.fonts.check('16px \"Proxima Scripts\"', text)", name
        )
