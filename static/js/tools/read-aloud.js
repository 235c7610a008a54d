// Reads the main content aloud with the browser's own speech synthesis, in the
// language of the content. The button stays hidden unless a voice speaks it.
import { gettext } from "../i18n.js";

const root = document.querySelector("[data-read-aloud]");
const main = document.querySelector("main");
const synth = window.speechSynthesis;

// Read block by block: natural pauses, and Chrome cuts a single long utterance short.
const BLOCKS =
  "h1, h2, h3, h4, h5, h6, p, li, dt, dd, caption, th, td, summary, blockquote, figcaption, address";
const SKIP = "nav, [data-exit-page], .no-print, [aria-hidden='true']";

const primary = (tag) => tag.toLowerCase().split(/[-_]/)[0];

if (root && main && synth) {
  // A page not yet translated is shown in French: its text is marked lang="fr", while the
  // interface around it stays in the visitor's language (localization_tags.content_lang).
  const languageOf = (element) => element.closest("[lang]")?.getAttribute("lang") || "fr";
  const toggle = root.querySelector("[data-read-aloud-toggle]");
  const stop = root.querySelector("[data-read-aloud-stop]");
  const voiceFor = (language) =>
    synth.getVoices().find((voice) => primary(voice.lang) === primary(language));
  let state = "idle";

  const show = (next) => {
    state = next;
    toggle.textContent = gettext({ idle: "Read aloud", speaking: "Pause", paused: "Resume" }[state]);
    stop.hidden = state === "idle";
  };

  // Each block in its own language, with a voice for it; a block no voice can speak is
  // skipped rather than mispronounced.
  const utterances = () =>
    [...main.querySelectorAll(BLOCKS)]
      .filter(
        (element) =>
          !element.closest(SKIP) &&
          !element.parentElement.closest(BLOCKS) &&
          element.getClientRects().length > 0,
      )
      .map((element) => ({
        text: element.innerText.trim(),
        language: languageOf(element),
        voice: voiceFor(languageOf(element)),
      }))
      .filter(({ text, voice }) => text && voice);

  const start = () => {
    synth.cancel();
    const queue = utterances();
    queue.forEach(({ text, language, voice }, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language;
      utterance.voice = voice;
      if (index === queue.length - 1) utterance.onend = () => show("idle");
      synth.speak(utterance);
    });
    show("speaking");
  };

  toggle.addEventListener("click", () => {
    if (state === "idle") start();
    else if (state === "speaking") {
      synth.pause();
      show("paused");
    } else {
      synth.resume();
      show("speaking");
    }
  });
  stop.addEventListener("click", () => {
    synth.cancel();
    show("idle");
    toggle.focus();
  });
  // Voices load asynchronously, and may appear or go away (e.g. a language pack).
  // The page's title tells the language of its text.
  const reveal = () => {
    root.hidden = !voiceFor(languageOf(main.querySelector("h1") || main));
  };
  reveal();
  synth.addEventListener("voiceschanged", reveal);
  window.addEventListener("pagehide", () => synth.cancel());
}
