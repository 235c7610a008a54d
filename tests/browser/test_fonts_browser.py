"""Tamil and Ethiopic script: self-hosted fonts, fetched only by the pages that need them."""

import re
import shutil
import subprocess

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


# Letters of the scripts the site may have to draw without a system font. Arabic has no
# face of its own (docs/accessibility.md): every system has one; it is checked the same way.
SCRIPTS = {
    "Tamil": [(0x0B80, 0x0BFF)],
    "Ethiopic": [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)],
    "Arabic": [
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ],
}
SCRIPT_LETTERS = {"Tamil": "த", "Ethiopic": "ት", "Arabic": "ا"}
SITE_FACES = {"Tamil": {"Noto Sans Tamil"}, "Ethiopic": {"Noto Sans Ethiopic"}, "Arabic": set()}
SCRIPT_PAGES = [
    "/{lang}/",
    "/{lang}/services/",
    "/{lang}/services/action-impots/",
    "/{lang}/search/?q=impots",
]
UNRENDERED = {"SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"}


def script_of(letter):
    code = ord(letter)
    for script, ranges in SCRIPTS.items():
        if any(low <= code <= high for low, high in ranges):
            return script
    return None


def system_families_with(script):
    """The machine's font families that have a letter of the script (fontconfig)."""
    if shutil.which("fc-list") is None:
        return set()
    letter = SCRIPT_LETTERS[script]
    listing = subprocess.run(
        ["fc-list", f":charset={ord(letter):x}", "family"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {family.strip() for line in listing.splitlines() for family in line.split(",")}


def text_nodes(node):
    """(nodeId, text) for every text node under ``node`` that is laid out as text."""
    for child in node.get("children", []):
        if child["nodeType"] == 3:
            yield child["nodeId"], child["nodeValue"]
        elif child["nodeType"] == 1 and child["nodeName"] not in UNRENDERED:
            yield from text_nodes(child)


def misdrawn_scripts(page, cdp, allowed, seen):
    """Texts whose non-Latin letters are drawn, at least in part, by a font without them.

    ``CSS.getPlatformFontsForNode`` counts the glyphs each font draws for a text, not which
    letter went to which font: a font without the script may draw at most the text's other
    characters (spaces, digits, Latin); any glyph beyond them is a letter it lacks (a box).
    Adds the scripts met to ``seen``."""
    page.evaluate("document.fonts.ready.then(() => true)")
    html = next(
        node
        for node in cdp.send("DOM.getDocument", {"depth": -1})["root"]["children"]
        if node["nodeName"] == "HTML"
    )
    body = next(node for node in html["children"] if node["nodeName"] == "BODY")
    problems = []
    for node_id, value in text_nodes(body):
        text = re.sub(r"\s+", " ", value)  # as laid out: white space collapsed
        scripts = {script_of(letter) for letter in text} - {None}
        if not scripts:
            continue
        seen.update(scripts)
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
        faces = set().union(*(allowed[script] for script in scripts))
        others = sum(font["glyphCount"] for font in fonts if font["familyName"] not in faces)
        if others > sum(script_of(letter) is None for letter in text):
            problems.append((page.url, text, [(f["familyName"], f["glyphCount"]) for f in fonts]))
    return problems


def test_non_latin_letters_are_drawn_with_fonts_that_have_them(page):
    """Tamil, Tigrinya and Arabic pages, and the language names on a French page.

    The machine's Chromium may have no Tamil or Ethiopic font: the site's faces must come
    before ``system-ui`` in the stack, or these letters are drawn as boxes."""
    allowed = {script: SITE_FACES[script] | system_families_with(script) for script in SCRIPTS}
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    paths = [path.format(lang=lang) for lang in ("ar", "ta", "ti") for path in SCRIPT_PAGES]
    problems, seen = [], set()
    for path in [*paths, "/fr/services/"]:
        page.goto(path)
        problems += misdrawn_scripts(page, cdp, allowed, seen)
    assert seen == set(SCRIPTS)
    assert problems == []
