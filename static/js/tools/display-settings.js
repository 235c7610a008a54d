// Text size, contrast and spacing, kept in localStorage (no cookie).
const KEY = "proxima-display";
const ATTRIBUTES = { size: "data-text-size", contrast: "data-contrast", spacing: "data-spacing" };

const read = () => {
  try {
    return JSON.parse(localStorage.getItem(KEY) || "{}");
  } catch {
    return {};
  }
};

const apply = (settings) => {
  const root = document.documentElement;
  for (const [name, attribute] of Object.entries(ATTRIBUTES)) {
    const value = settings[name];
    if (value && !(name === "size" && value === "1")) root.setAttribute(attribute, value);
    else root.removeAttribute(attribute);
  }
};

for (const panel of document.querySelectorAll("[data-display-settings]")) {
  const form = panel.querySelector("form");
  const settings = { size: "1", contrast: "", spacing: "", ...read() };
  for (const [name, value] of Object.entries(settings)) {
    const input = form.querySelector(`input[name="${name}"][value="${value}"]`);
    if (input) input.checked = true;
  }
  form.addEventListener("change", () => {
    const data = Object.fromEntries(new FormData(form));
    try {
      localStorage.setItem(KEY, JSON.stringify(data));
    } catch {
      // Private modes may refuse storage: the choice then lasts for this page only.
    }
    apply(data);
  });
  panel.hidden = false;
}
