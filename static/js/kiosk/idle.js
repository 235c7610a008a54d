// After the profile's idle time without a touch or a key, asks whether someone is
// still there; without an answer, the screen starts over (see reset.js).
import { gettext, interpolate, ngettext } from "../i18n.js";
import { resetKiosk } from "./reset.js";

const bar = document.querySelector("[data-kiosk]");
const dialog = document.querySelector("[data-kiosk-idle]");
// Screen readers hear the time left at these seconds only, not every second.
const ANNOUNCED_AT = new Set([30, 20, 10, 5]);
const ACTIVITY = ["pointerdown", "keydown", "touchstart", "wheel", "input"];

if (bar && dialog) {
  const idleMs = Number(bar.dataset.idleSeconds) * 1000;
  const warningSeconds = Number(bar.dataset.warningSeconds);
  const maxExtensions = Number(bar.dataset.maxExtensions);
  const countdown = dialog.querySelector("[data-kiosk-countdown]");
  const announce = dialog.querySelector("[data-kiosk-announce]");
  const continueButton = dialog.querySelector("[data-kiosk-continue]");
  let extensions = 0;
  let idleTimer;
  let tickTimer;
  let deadline;

  const timeLeft = (seconds) =>
    interpolate(
      ngettext(
        "The screen starts over in %s second.",
        "The screen starts over in %s seconds.",
        seconds,
      ),
      [seconds],
    );

  const arm = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(warn, idleMs);
  };

  const tick = () => {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    countdown.textContent = timeLeft(left);
    if (ANNOUNCED_AT.has(left)) announce.textContent = timeLeft(left);
    if (left === 0) {
      clearInterval(tickTimer);
      resetKiosk(bar.dataset.startUrl);
    }
  };

  function warn() {
    deadline = Date.now() + warningSeconds * 1000;
    const canExtend = extensions < maxExtensions;
    continueButton.hidden = !canExtend;
    countdown.textContent = timeLeft(warningSeconds);
    announce.textContent = canExtend
      ? timeLeft(warningSeconds)
      : gettext("More time can no longer be given. The screen is about to start over.");
    dialog.showModal();
    (canExtend ? continueButton : dialog.querySelector("[data-kiosk-reset-now]")).focus();
    tickTimer = setInterval(tick, 1000);
  }

  const carryOn = () => {
    extensions += 1;
    clearInterval(tickTimer);
    announce.textContent = "";
    dialog.close();
    arm();
  };

  for (const type of ACTIVITY) {
    document.addEventListener(
      type,
      () => {
        if (dialog.open) return;
        // Someone is using the screen: the extensions count again from zero.
        extensions = 0;
        arm();
      },
      { capture: true, passive: true },
    );
  }
  continueButton.addEventListener("click", carryOn);
  dialog.addEventListener("cancel", (event) => {
    // Escape means "I am still here" when more time can be given.
    event.preventDefault();
    if (!continueButton.hidden) carryOn();
  });
  dialog
    .querySelector("[data-kiosk-reset-now]")
    .addEventListener("click", () => resetKiosk(bar.dataset.startUrl));
  arm();
}
