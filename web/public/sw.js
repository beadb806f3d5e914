// Kenal's service worker: opens the app without waiting for the network on a repeat visit.
// When it installs, it keeps this release's shell.html and the app's code in its cache (Chromium
// compiles a script kept during install at once and stores the compiled code beside it), then
// answers every page navigation with that shell.html: the page and its code come from the cache,
// already compiled. Everything else (hashed /assets/* are cached a year by HTTP, /api/* is live
// data) goes to the network as if this worker were not here.
//
// A release changes this file (the line below, written by web/scripts/inline-entry.mjs), so the
// browser, which checks it on every visit, installs the new worker with the new files; the next
// visit opens the new release.
const RELEASE = { cache: 'kenal-shell-dev', files: [] };

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(RELEASE.cache)
      .then((cache) => cache.addAll(RELEASE.files.map((f) => new Request(f, { cache: 'reload' }))))
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
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  const kept = request.mode === 'navigate' ? '/shell.html' : url.pathname;
  if (!RELEASE.files.includes(kept)) return;
  event.respondWith(
    caches
      .open(RELEASE.cache)
      .then((cache) => cache.match(kept))
      // Evicted meanwhile: the network has the page (index.html, everything inline) and files.
      .then((response) => response ?? fetch(request)),
  );
});
