// Kiosk service worker: network first, the kept copy when the network is down, and the
// offline message in the visitor's language for pages that were not kept. Only pages
// listed by the server (public pages, no visitor input) are ever stored.
const CACHE = "proxima-kiosk-v1";
const OFFLINE_PATH = "/kiosk/offline/";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// A followed redirect cannot answer a navigation: keep the final response's body only.
const storable = async (response) =>
  response.redirected
    ? new Response(await response.blob(), { status: response.status, headers: response.headers })
    : response;

const precache = async (manifest) => {
  const listing = await fetch(manifest, { cache: "no-store" });
  if (!listing.ok) return;
  const { urls } = await listing.json();
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (response.ok) await cache.put(url, await storable(response));
      } catch {
        // Network dropped while keeping copies: the next visit tries again.
      }
    }),
  );
};

self.addEventListener("message", (event) => {
  if (event.data?.type === "precache") event.waitUntil(precache(event.data.manifest));
});

const offlinePage = async (url) => {
  const cache = await caches.open(CACHE);
  const language = url.pathname.split("/")[1];
  if (url.pathname.startsWith("/kiosk/")) {
    const start = await cache.match("/kiosk/", { ignoreVary: true });
    if (start) return start;
  }
  const own = await cache.match(`/${language}${OFFLINE_PATH}`, { ignoreVary: true });
  if (own) return own;
  const any = (await cache.keys()).find((request) => request.url.endsWith(OFFLINE_PATH));
  return any ? cache.match(any, { ignoreVary: true }) : Response.error();
};

const networkFirst = async (request) => {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Keep the stored copies fresh, but never store anything else.
    if (response.ok && (await cache.match(request, { ignoreVary: true }))) {
      await cache.put(request, await storable(response.clone()));
    }
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    if (request.mode === "navigate") return offlinePage(new URL(request.url));
    throw error;
  }
};

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (new URL(request.url).pathname.startsWith("/admin/")) return;
  event.respondWith(networkFirst(request));
});
