// Installs the kiosk's service worker and asks it to keep this language's key pages
// (start screens, the hub's services, directory, offline message) for network outages.
const bar = document.querySelector("[data-kiosk]");

if (bar && "serviceWorker" in navigator) {
  navigator.serviceWorker
    .register(bar.dataset.workerUrl, { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) =>
      registration.active.postMessage({ type: "precache", manifest: bar.dataset.precacheUrl }),
    )
    .catch(() => {
      // Without a worker the kiosk still works online; only the offline copies are missing.
    });
}
