// Kenal's service worker: opens the app without waiting for the network on a repeat visit.
// When it installs, it keeps this release's shell.html in its cache and fetches the scripts that
// page names into the browser's HTTP cache (hashed files, cached a year); then it answers every
// page navigation with that shell.html. Unlike index.html, which carries the app's code inline
// (the first visit's one round trip), shell.html loads it from its file: Chromium compiles a
// script file on another thread while the page is read, an inline one on the page's own thread.
// The scripts stay out of this worker's cache on purpose: Chromium 156 spends time storing
// compiled code for a module served from here on its first run and never uses it afterwards
// (seen in a trace: v8.produceModuleCache, then no cache consumed). Everything else (other
// /assets/*, /api/* live data) goes to the network as if this worker were not here.
//
// The languages' catalogues (messages.po chunks) are the exception: this worker keeps the ones
// the reader used under this release. After the next release the server no longer has them, and
// until the new worker takes over this one still answers with its shell page: a catalogue the
// browser had dropped from its cache would then be missing, and the page would have no words.
// It keeps only the ones read (at install, those already in the HTTP cache; later, each as it
// passes), so a phone never downloads ten languages it does not read.
//
// A release changes this file (the line below, written by web/scripts/inline-entry.mjs), so the
// browser, which checks it on every visit, installs the new worker with the new files; the next
// visit opens the new release.
const RELEASE = { cache: 'kenal-shell-dev', page: '/shell.html', scripts: [], catalogues: [] };

self.addEventListener('install', (event) => {
  const fresh = (url) => new Request(url, { cache: 'reload' });
  event.waitUntil(
    caches
      .open(RELEASE.cache)
      .then((cache) => cache.add(fresh(RELEASE.page)))
      .then(() => Promise.all(RELEASE.scripts.map((url) => fetch(fresh(url)))))
      .then(() => Promise.all(RELEASE.catalogues.map(keepIfCached)))
      .then(() => self.skipWaiting()),
  );
});

/** Keeps a catalogue the browser holds already (the first visit's language), without the network. */
function keepIfCached(url) {
  return fetch(url, { cache: 'only-if-cached', mode: 'same-origin' })
    .then((response) => response.ok && caches.open(RELEASE.cache).then((c) => c.put(url, response)))
    .catch(() => undefined);
}

/** A catalogue of this release: from this worker's cache, else the network (then kept). */
function catalogue(request) {
  return caches.open(RELEASE.cache).then((cache) =>
    cache.match(request.url).then(
      (kept) =>
        kept ??
        fetch(request).then((response) => {
          if (response.ok) cache.put(request.url, response.clone());
          return response;
        }),
    ),
  );
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k !== RELEASE.cache).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method === 'GET' && url.origin === self.location.origin) {
    if (RELEASE.catalogues.includes(url.pathname)) return event.respondWith(catalogue(request));
  }
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(
    caches
      .open(RELEASE.cache)
      .then((cache) => cache.match(RELEASE.page))
      // Evicted meanwhile: the network has the page (index.html, everything inline).
      .then((response) => response ?? fetch(request)),
  );
});
