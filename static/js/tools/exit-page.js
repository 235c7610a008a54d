// "Exit this page": leaves at once, by the button or by pressing Shift three times,
// replacing this page in the history so that Back does not return to it. On a kiosk it
// starts the screen over instead, forgetting everything, as "Start over" does.
import { resetKiosk } from "../kiosk/reset.js";

const link = document.querySelector("[data-exit-link]");
const PRESSES = 3;
const WITHIN_MS = 1000;

if (link) {
  const leave = (event) => {
    event?.preventDefault();
    if (link.hasAttribute("data-exit-kiosk")) {
      resetKiosk(link.href);
      return;
    }
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
