// Applies the saved display settings before the page is painted (no flash).
(function () {
  try {
    var saved = JSON.parse(window.localStorage.getItem("proxima-display") || "{}");
    var root = document.documentElement;
    if (saved.size && saved.size !== "1") root.setAttribute("data-text-size", saved.size);
    if (saved.contrast) root.setAttribute("data-contrast", saved.contrast);
    if (saved.spacing) root.setAttribute("data-spacing", saved.spacing);
  } catch (error) {
    // Storage can be disabled; the page then keeps its default look.
  }
})();
