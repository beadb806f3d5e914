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
