// Kenal's service worker: opens the app without waiting for the network on a repeat visit.
// Page navigations get the last index.html from the cache at once while a fresh copy is fetched
// for next time (stale-while-revalidate). Everything else (hashed /assets/* are cached a year by
// HTTP, /api/* is live data) goes to the network as if this worker were not here.
const CACHE = 'kenal-shell-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match('/index.html');
      const fresh = fetch('/index.html', { cache: 'no-cache' }).then((response) => {
        if (response.ok) cache.put('/index.html', response.clone());
        return response;
      });
      if (cached && (await bootsFromCache(cached.clone()))) {
        event.waitUntil(fresh.catch(() => undefined));
        return cached;
      }
      return fresh;
    }),
  );
});

// After a release the server no longer has the old hashed files: a cached index.html is served only
// while every file it names is still in this browser's HTTP cache (no network asked), else the
// fresh one is awaited. Otherwise a returning visitor would get a blank page.
async function bootsFromCache(response) {
  const html = await response.text();
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const found = await Promise.all(
    files.map((file) =>
      fetch(file, { cache: 'only-if-cached', mode: 'same-origin' }).then(
        (r) => r.ok,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}
