// Shows the "Print" button (it needs JavaScript) and prints the service sheet.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
