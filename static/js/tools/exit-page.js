// "Exit this page": leaves at once, by the button or by pressing Shift three times,
// replacing this page in the history so that Back does not return to it.
const link = document.querySelector("[data-exit-link]");
const PRESSES = 3;
const WITHIN_MS = 1000;

if (link) {
  const leave = (event) => {
    event?.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  };
  link.addEventListener("click", leave);
  let presses = [];
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") return;
    const now = Date.now();
    presses = [...presses.filter((time) => now - time < WITHIN_MS), now];
    if (presses.length >= PRESSES) leave();
  });
}
