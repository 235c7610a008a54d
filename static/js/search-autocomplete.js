// Accessible autocomplete (ARIA 1.2 combobox with a listbox) for the search field.
// The form works without it; suggestions are links to pages.
import { gettext, interpolate, ngettext } from "./i18n.js";

for (const row of document.querySelectorAll(".combobox[data-suggest-url]")) {
  const input = row.querySelector("input[type=search]");
  const list = document.createElement("ul");
  const status = document.createElement("div");
  const listId = `${input.id}-suggestions`;
  list.id = listId;
  list.className = "combobox__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", gettext("Suggestions"));
  list.hidden = true;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  row.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let active = -1;
  let timer = null;
  let items = [];

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
  };
  const render = (suggestions) => {
    list.replaceChildren();
    items = suggestions.map((suggestion, index) => {
      const item = document.createElement("li");
      item.id = `${listId}-${index}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = suggestion.url;
      item.textContent = suggestion.title;
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      list.append(item);
      return item;
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
    status.textContent = items.length
      ? interpolate(ngettext("%s suggestion", "%s suggestions", items.length), [items.length])
      : "";
  };
  const fetchSuggestions = async () => {
    const query = input.value.trim();
    if (query.length < 2) return close();
    const url = `${row.dataset.suggestUrl}?${new URLSearchParams({ q: query })}`;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.ok) render((await response.json()).suggestions);
    } catch {
      close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 200);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight((active - 1 + items.length) % items.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].dataset.url);
    } else if (event.key === "Escape") {
      // Only close the list: the browser would otherwise also clear a search field.
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
}
