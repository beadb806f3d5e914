import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { activateLocale, initialLocale } from './app/i18n';
import './app/styles.css';

// index.html already started loading this language's catalogue: activate it, then render.
activateLocale(initialLocale())
  .catch(() => activateLocale('en'))
  .finally(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });

// A page loaded before a release asks for a chunk the server no longer has: load the page again
// (once; the service worker has fetched the new index.html by then).
window.addEventListener('vite:preloadError', () => {
  if (sessionStorage.getItem('kenal.reloadedForRelease')) return;
  sessionStorage.setItem('kenal.reloadedForRelease', '1');
  window.location.reload();
});

// A repeat visit opens from the cached page (public/sw.js); registered once the page is up.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
