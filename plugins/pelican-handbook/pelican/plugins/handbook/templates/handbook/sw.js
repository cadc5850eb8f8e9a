// The handbook's service worker: after one visit, the site's pages, the
// pocket-card PDF and every asset are on the phone, so the procedure opens in
// a basement with no signal. Written by the build (offline/files.py) from
// handbook/sw.js (a theme's own, or the plugin's); the file list and the
// version come from the build.

// A hash of the files below: a new build that changes any means a new cache.
const VERSION = {{ version|tojson }};
// The site's files, up to HANDBOOK["offline_max_bytes"], relative to this
// script (the site's root).
const PRECACHE = {{ precache|tojson(indent=2) }};
// How long a page waits for the network before the saved copy is shown: on
// venue wifi that connects but carries nothing, staff must not wait.
const NETWORK_TIMEOUT_MS = 3000;

// Caches belong to the origin, and two handbooks may share one: each keeps
// to the caches named after its own scope.
const PREFIX = `handbook ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOldCaches().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(request.mode === "navigate" ? networkFirst(request) : cacheFirst(request));
});

// Fetch every file past the HTTP cache, so the new cache never keeps a stale
// copy; if one file fails, the install fails and the old version stays.
async function precache() {
  const cache = await caches.open(CACHE);
  const requests = PRECACHE.map((path) => new Request(path, { cache: "reload" }));
  await cache.addAll(requests);
}

async function deleteOldCaches() {
  const names = await caches.keys();
  const old = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  await Promise.all(old.map((name) => caches.delete(name)));
}

// Pages: the network first, so a new procedure shows on the next online
// visit; the saved copy when the network fails or is too slow.
async function networkFirst(request) {
  let response;
  try {
    response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) {
      return response;
    }
  } catch {
    // Offline or too slow: fall through to the saved copy.
  }
  return (await saved(request)) || response || Response.error();
}

// Assets: the saved copy, which the precache keeps in step with the pages.
async function cacheFirst(request) {
  return (await saved(request)) || fetch(request);
}

async function saved(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  if (url.pathname.endsWith("/")) {
    url.pathname += "index.html";
  }
  return cache.match(url.href, { ignoreSearch: true });
}

function withTimeout(promise, milliseconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), milliseconds);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
