// Moves focus to the error summary so screen readers announce it first, and makes its
// links focus the field itself (a plain #anchor would only scroll to it).
for (const summary of document.querySelectorAll("[data-error-summary]")) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    // The label stays visible above the field it names.
    const label = document.querySelector(`label[for="${field.id}"]`);
    (label || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
}
