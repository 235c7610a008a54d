// Long lists of checkboxes in the admin (a service's needs, themes…) get a search box
// above them: typing hides the options whose label does not contain the words.
// Without JavaScript every option stays visible; ticked ones are never hidden.
(() => {
  const script = document.currentScript;
  const LONG = 12;
  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  const enhance = (group) => {
    const options = [...group.querySelectorAll("label")].filter((label) =>
      label.querySelector('input[type="checkbox"]'),
    );
    if (options.length <= LONG || group.dataset.filtered) return;
    group.dataset.filtered = "true";
    const input = document.createElement("input");
    input.type = "search";
    input.className = "w-field__input checkbox-filter";
    input.setAttribute("aria-label", script.dataset.label);
    input.placeholder = script.dataset.label;
    input.setAttribute("aria-controls", group.id);
    input.addEventListener("input", () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      for (const label of options) {
        const text = fold(label.textContent);
        const ticked = label.querySelector("input").checked;
        const shown = ticked || words.every((word) => text.includes(word));
        (label.parentElement.tagName === "DIV" ? label.parentElement : label).hidden = !shown;
      }
    });
    group.before(input);
  };

  const enhanceAll = () => {
    for (const group of document.querySelectorAll('div[id^="id_"]')) {
      if (group.querySelector('input[type="checkbox"]')) enhance(group);
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
