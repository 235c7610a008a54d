// Forgets everything a visitor typed, chose or stored, then goes back to the start
// screen without leaving an entry in the history (location.replace).
const clearFields = () => {
  for (const field of document.querySelectorAll("input, textarea, select")) {
    if (field.type === "checkbox" || field.type === "radio") field.checked = false;
    else if (field.tagName === "SELECT") field.selectedIndex = -1;
    else if (!["hidden", "submit", "button", "reset"].includes(field.type)) field.value = "";
  }
};

const clearStorage = () => {
  for (const storage of ["sessionStorage", "localStorage"]) {
    try {
      window[storage].clear();
    } catch {
      // Storage refused (private mode): there is nothing in it to forget.
    }
  }
  // Display settings were applied to <html> from localStorage: undo them now too.
  for (const attribute of ["data-text-size", "data-contrast", "data-spacing"]) {
    document.documentElement.removeAttribute(attribute);
  }
};

export const resetKiosk = (startUrl) => {
  clearFields();
  clearStorage();
  document.body.hidden = true;
  window.location.replace(startUrl);
};

for (const link of document.querySelectorAll("[data-kiosk-restart]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    resetKiosk(link.href);
  });
}
