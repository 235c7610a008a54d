// The offline message replaces a page that could not load: as soon as the network is
// back, the page the visitor asked for is loaded again, without anyone touching the screen.
const RETRY_MS = 15000;

const retry = () =>
  fetch(window.location.href, { method: "HEAD", cache: "no-store" })
    .then((response) => {
      if (response.ok) window.location.reload();
    })
    .catch(() => {
      // Still offline: the next try or the "online" event will come.
    });

if (document.querySelector("[data-kiosk-offline]")) {
  window.addEventListener("online", retry);
  setInterval(retry, RETRY_MS);
}
