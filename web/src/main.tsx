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

// A repeat visit opens from the cached page (public/sw.js); registered once the page is up.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
