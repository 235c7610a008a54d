// "My list": services a resident keeps in this browser only (localStorage, no cookie,
// nothing sent until they ask for the printable sheet). Shows the "Save to my list"
// buttons (hidden without JavaScript), keeps them in step with the list, and fills the
// list's page (/<language>/my-list/). A kiosk's "Start over" clears localStorage, list
// included (kiosk/reset.js).
import { gettext, interpolate, ngettext } from "../i18n.js";

const KEY = "proxima-my-list";
const MAX_SERVICES = 30; // services_directory.my_list.MAX_SERVICES

const storageWorks = (() => {
  try {
    window.localStorage.setItem(`${KEY}-test`, "1");
    window.localStorage.removeItem(`${KEY}-test`);
    return true;
  } catch {
    return false;
  }
})();

const isItem = (item) =>
  item &&
  Number.isInteger(item.id) &&
  item.id > 0 &&
  typeof item.title === "string" &&
  typeof item.url === "string" &&
  item.url.startsWith("/") &&
  !item.url.startsWith("//");

export const readList = () => {
  try {
    const items = JSON.parse(window.localStorage.getItem(KEY) || "[]");
    return Array.isArray(items) ? items.filter(isItem).slice(0, MAX_SERVICES) : [];
  } catch {
    return [];
  }
};

const writeList = (items) => {
  try {
    if (items.length) window.localStorage.setItem(KEY, JSON.stringify(items));
    else window.localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
};

const countText = (count) =>
  count === 0
    ? gettext("Your list is empty.")
    : interpolate(ngettext("Your list has %s service.", "Your list has %s services.", count), [count]);

// One live region for the buttons on cards; a service page has its own, beside its button.
let sharedStatus = null;
const statusFor = (button) => {
  const own = button.closest("[data-my-list-box]")?.querySelector("[data-my-list-status]");
  if (own) return own;
  if (!sharedStatus) {
    sharedStatus = document.createElement("p");
    sharedStatus.className = "visually-hidden";
    sharedStatus.setAttribute("role", "status");
    document.body.append(sharedStatus);
  }
  return sharedStatus;
};

const announce = (region, message) => {
  // Emptied first, so the same words said twice are announced twice.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
};

const syncButtons = (root = document) => {
  const ids = new Set(readList().map((item) => item.id));
  for (const button of root.querySelectorAll("[data-my-list-toggle]")) {
    button.setAttribute("aria-pressed", String(ids.has(Number(button.dataset.id))));
    const box = button.closest("[data-my-list-box]");
    if (box) box.hidden = false;
  }
};

const syncLinks = () => {
  const count = readList().length;
  for (const link of document.querySelectorAll("[data-my-list-link]")) {
    link.hidden = false;
    const counter = link.querySelector("[data-my-list-count]");
    if (counter) counter.textContent = count ? `(${count})` : "";
  }
};

const toggle = (button) => {
  const id = Number(button.dataset.id);
  let items = readList();
  let message;
  if (items.some((item) => item.id === id)) {
    items = items.filter((item) => item.id !== id);
    message = gettext("Removed from your list.");
  } else if (items.length >= MAX_SERVICES) {
    announce(
      statusFor(button),
      interpolate(gettext("Your list is full (%s services): remove one first."), [MAX_SERVICES]),
    );
    return;
  } else {
    const { title, url, lang } = button.dataset;
    items.push({ id, title, url, lang });
    message = gettext("Saved to your list.");
  }
  if (!writeList(items)) {
    announce(statusFor(button), gettext("This browser does not let the site keep your list."));
    return;
  }
  syncButtons();
  syncLinks();
  announce(statusFor(button), `${message} ${countText(items.length)}`);
};

// The list's own page -------------------------------------------------------------------
const listPage = document.querySelector("[data-my-list]");

const renderListPage = ({ focusAfterRemoval = null } = {}) => {
  const items = readList();
  const list = listPage.querySelector("[data-my-list-items]");
  const rows = items.map((item, index) => {
    const row = document.createElement("li");
    row.className = "my-list__item";
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    if (item.lang && item.lang !== document.documentElement.lang) link.lang = item.lang;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button button--secondary";
    remove.dataset.myListRemove = String(item.id);
    remove.dataset.index = String(index);
    remove.textContent = gettext("Remove");
    const name = document.createElement("span");
    name.className = "visually-hidden";
    name.textContent = `: ${item.title}`;
    remove.append(name);
    row.append(link, " ", remove);
    return row;
  });
  list.replaceChildren(...rows);
  list.hidden = items.length === 0;
  listPage.querySelector("[data-my-list-empty]").hidden = items.length > 0;
  listPage.querySelector("[data-my-list-actions]").hidden = items.length === 0;
  const form = listPage.querySelector("[data-my-list-sheet]");
  form.querySelectorAll("input[name=id]").forEach((input) => input.remove());
  for (const item of items) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "id";
    input.value = String(item.id);
    form.append(input);
  }
  if (focusAfterRemoval !== null) {
    const buttons = list.querySelectorAll("[data-my-list-remove]");
    const next = buttons[Math.min(focusAfterRemoval, buttons.length - 1)];
    (next || document.getElementById("my-list-heading"))?.focus();
  }
  syncLinks();
};

if (storageWorks) {
  syncButtons();
  syncLinks();
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-my-list-toggle]");
    if (button) toggle(button);
  });
  // Cards the directory puts in place without a page load get their buttons too.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) syncButtons(node);
    }
  }).observe(document.body, { childList: true, subtree: true });
  // Another tab changed the list.
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    syncButtons();
    if (listPage) renderListPage();
    else syncLinks();
  });

  if (listPage) {
    const status = listPage.querySelector("[data-my-list-status]");
    listPage.hidden = false;
    document.querySelector("[data-my-list-unavailable]")?.setAttribute("hidden", "");
    renderListPage();
    listPage.addEventListener("click", (event) => {
      const remove = event.target.closest("[data-my-list-remove]");
      if (remove) {
        const id = Number(remove.dataset.myListRemove);
        const items = readList().filter((item) => item.id !== id);
        writeList(items);
        renderListPage({ focusAfterRemoval: Number(remove.dataset.index) });
        announce(status, `${gettext("Removed from your list.")} ${countText(items.length)}`);
      } else if (event.target.closest("[data-my-list-clear]")) {
        writeList([]);
        renderListPage();
        document.getElementById("my-list-heading")?.focus();
        announce(status, gettext("Your list is now empty."));
      }
    });
  }
}
