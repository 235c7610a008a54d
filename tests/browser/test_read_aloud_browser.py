"""Read aloud: shown only when the browser has a voice for the content's language.

The voice list and the synthesiser are stubbed in the test page only: headless Chromium
has no voices, and a test must not make sound.
"""

import json

from .conftest import axe_violations

SERVICE = "/fr/services/action-impots/"

STUB = """
(() => {
  const voices = %s.map((lang) => ({ lang, name: "Test " + lang, voiceURI: lang }));
  window.__speech = { spoken: [], calls: [] };
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices;
  synth.speak = (utterance) => window.__speech.spoken.push(
    { text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.name }
  );
  for (const name of ["pause", "resume", "cancel"]) {
    synth[name] = () => window.__speech.calls.push(name);
  }
})();
"""


def with_voices(page, languages):
    page.add_init_script(STUB % json.dumps(languages))


def test_button_shown_with_a_voice_for_the_page_language(page):
    with_voices(page, ["en-GB", "fr-FR"])
    page.goto(SERVICE)
    assert page.locator("[data-read-aloud-toggle]").is_visible()
    assert axe_violations(page) == []


def test_button_hidden_without_a_voice_for_the_page_language(page):
    with_voices(page, ["en-GB", "de-DE"])
    page.goto(SERVICE)
    assert page.locator("[data-read-aloud-toggle]").is_hidden()


def test_button_appears_when_voices_load_late(page):
    with_voices(page, [])
    page.goto(SERVICE)
    toggle = page.locator("[data-read-aloud-toggle]")
    assert toggle.is_hidden()
    page.evaluate(
        "speechSynthesis.getVoices = () => [{ lang: 'fr_FR', name: 'Late' }];"
        "speechSynthesis.dispatchEvent(new Event('voiceschanged'));"
    )
    assert toggle.is_visible()


def test_reads_main_content_in_the_page_language_with_pause_and_stop(page):
    with_voices(page, ["fr-FR"])
    page.goto(SERVICE)
    title = page.locator("main h1").inner_text()
    page.click("[data-read-aloud-toggle]")
    spoken = page.evaluate("window.__speech.spoken")
    assert spoken[0] == {"text": title, "lang": "fr", "voice": "Test fr-FR"}
    texts = [utterance["text"] for utterance in spoken]
    assert {utterance["lang"] for utterance in spoken} == {"fr"}
    breadcrumbs = page.locator("main nav a")
    assert breadcrumbs.count() > 0
    assert not set(breadcrumbs.all_inner_texts()) & set(texts), "navigation is not read"
    assert not [text for text in texts if "Print this sheet" in text or "Imprimer" in text]
    page.click("[data-read-aloud-toggle]")
    page.click("[data-read-aloud-toggle]")
    page.click("[data-read-aloud-stop]")
    assert page.evaluate("window.__speech.calls") == ["cancel", "pause", "resume", "cancel"]
    assert page.locator("[data-read-aloud-stop]").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-read-aloud-toggle')")


def test_page_shown_in_french_is_read_in_french_and_its_notice_in_arabic(page):
    # The Arabic demo pages are not translated yet: French text, an Arabic notice.
    with_voices(page, ["ar-SA"])
    page.goto("/ar/services/action-impots/")
    assert page.locator("main h1").get_attribute("lang") == "fr"
    assert page.locator("[data-read-aloud-toggle]").is_hidden(), "no voice for the French text"
    with_voices(page, ["ar-SA", "fr-CA"])
    page.reload()
    page.click("[data-read-aloud-toggle]")
    spoken = page.evaluate("window.__speech.spoken")
    notice = page.locator(".notice--translation p").first.inner_text()
    title = page.locator("main h1").inner_text()
    assert {"text": notice, "lang": "ar", "voice": "Test ar-SA"} in spoken
    assert {"text": title, "lang": "fr", "voice": "Test fr-CA"} in spoken
    heading = page.locator("#when-heading").inner_text()
    assert {"text": heading, "lang": "ar", "voice": "Test ar-SA"} in spoken
