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
// A release changes this file (the line below, written by web/scripts/inline-entry.mjs), so the
// browser, which checks it on every visit, installs the new worker with the new files; the next
// visit opens the new release.
const RELEASE = { cache: 'kenal-shell-dev', page: '/shell.html', scripts: [] };

self.addEventListener('install', (event) => {
  const fresh = (url) => new Request(url, { cache: 'reload' });
  event.waitUntil(
    caches
      .open(RELEASE.cache)
      .then((cache) => cache.add(fresh(RELEASE.page)))
      .then(() => Promise.all(RELEASE.scripts.map((url) => fetch(fresh(url)))))
      .then(() => self.skipWaiting()),
  );
});

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
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(
    caches
      .open(RELEASE.cache)
      .then((cache) => cache.match(RELEASE.page))
      // Evicted meanwhile: the network has the page (index.html, everything inline).
      .then((response) => response ?? fetch(request)),
  );
});
