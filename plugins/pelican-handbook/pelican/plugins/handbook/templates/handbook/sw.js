// The handbook's service worker: after one visit, the site's pages, the
// pocket-card PDF and every asset are on the phone, so the procedure opens in
// a basement with no signal. Written by the build (offline/files.py) from
// handbook/sw.js (a theme's own, or the plugin's); the file list and the
// version come from the build.
//
// Online, a page always comes from the network, past the browser's HTTP
// cache, so the latest procedure shows at once whatever cache headers the
// host sends. A page and the files it loads are of one build: each page says
// its build's version (handbook/offline.html), and a page of a newer build
// than this cache gets its files from the network too. A saved copy shown
// instead (offline, slow or unreachable) is one build's, and the page is told
// so, to say it in one line (checklist.js).

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

// What each window shows, by client id: the version of its page's build and,
// for a saved copy, why ("offline", "slow", "unreachable"). Only while this
// worker runs: a window it does not know gets this cache's files.
const shown = new Map();
const SHOWN_KEPT = 50;
const TIMEOUT = new Error("network timeout");
// Where a page says its version: the block handbook/offline.html writes in <head>.
const BLOCK = /id="handbook-service-worker">([^<]*)</;

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
  event.respondWith(request.mode === "navigate" ? page(event) : asset(event));
});

// A page asks whether it is a saved copy, and why.
self.addEventListener("message", (event) => {
  if (event.data !== "handbook-shown" || !event.source) return;
  const answer = Promise.resolve(shown.get(event.source.id)).then((what) => {
    event.source.postMessage({ handbookSaved: what ? what.saved : null });
  });
  event.waitUntil(answer);
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

function remember(clientId, what) {
  if (!clientId) return;
  shown.set(clientId, what);
  if (shown.size > SHOWN_KEPT) shown.delete(shown.keys().next().value);
}

// Pages: the network first, revalidating whatever the HTTP cache holds (a
// host's max-age or Last-Modified would otherwise keep the last deploy); the
// saved copy when the network fails, is too slow, or the site errs.
async function page(event) {
  const request = event.request;
  let response = null;
  let why = "offline";
  try {
    const network = fetch(new Request(request, { cache: "no-cache" }));
    response = await withTimeout(network, NETWORK_TIMEOUT_MS);
  } catch (error) {
    if (error === TIMEOUT) why = "slow";
  }
  // A page gone from the site (404, 410) is gone: its old copy is no
  // procedure to follow. A redirect is the browser's to follow.
  const gone = response && [404, 410].includes(response.status);
  if (response && (response.ok || gone || response.type === "opaqueredirect")) {
    if (response.ok && /html/.test(response.headers.get("Content-Type"))) {
      remember(event.resultingClientId, versionOf(response.clone()));
    }
    return response;
  }
  const copy = await saved(request);
  if (!copy) {
    return response || Response.error();
  }
  remember(event.resultingClientId, { version: VERSION, saved: response ? "unreachable" : why });
  return copy;
}

// The version a page from the network says it is of, read from its <head>
// as it arrives (the page itself streams on to the browser meanwhile).
async function versionOf(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (!BLOCK.test(text) && !text.includes("</head>") && text.length < 65536) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    reader.cancel().catch(() => {});
    return { version: JSON.parse(BLOCK.exec(text)[1]).version, saved: null };
  } catch {
    // No block, or not the handbook's: treat it as this cache's build.
    return { version: VERSION, saved: null };
  }
}

// Files: the saved copy, of this cache's build, unless the page that asks is
// of another build (a deploy this worker has not saved yet): then the
// network's, past the HTTP cache, so page and files match.
async function asset(event) {
  const request = event.request;
  // A page whose head never arrives does not hold its files back for long.
  const known = Promise.resolve(shown.get(event.clientId));
  const what = await withTimeout(known, NETWORK_TIMEOUT_MS).catch(() => null);
  if (what && what.version !== VERSION) {
    try {
      // By address alone: no validators of the page's own memory cache.
      const network = fetch(new Request(request.url, { cache: "no-cache" }));
      const response = await withTimeout(network, NETWORK_TIMEOUT_MS);
      if (response.ok) {
        return askAgain(response);
      }
    } catch {
      // The saved copy is better than nothing.
    }
  }
  const copy = await saved(request);
  return copy ? askAgain(copy) : fetch(request);
}

// A file as the browser must ask for again (here) before reusing it: its
// memory cache would otherwise hand the next page this one's copy, maybe
// of another build, whatever the host's max-age said.
function askAgain(response) {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-cache");
  headers.delete("ETag");
  headers.delete("Last-Modified");
  const { status, statusText } = response;
  return new Response(response.body, { status, statusText, headers });
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
    const timer = setTimeout(() => reject(TIMEOUT), milliseconds);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
