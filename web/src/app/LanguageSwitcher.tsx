import { Trans } from '@lingui/react/macro';
import { useLingui } from '@lingui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { saveLocaleToAccount, whileLocaleChanges } from '../features/account/queries';
import { activateLocale } from './i18n';
import { isLocale, LOCALES } from './locales';

/** On every page: switches the language at once, remembers it here and on the account. */
export function LanguageSwitcher() {
  const { i18n } = useLingui();
  const client = useQueryClient();
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <div className="language-switcher">
      <label htmlFor={id}>
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="12" cy="12" r="10" />
          <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
        </svg>
        <Trans>Language</Trans>
      </label>
      <select
        id={id}
        value={i18n.locale}
        disabled={busy}
        onChange={async (e) => {
          const locale = e.target.value;
          if (!isLocale(locale)) return;
          setBusy(true);
          try {
            // The page switches at once; sentences the API words come once the account has the
            // language too (emails follow it as well): see useWorded.
            await whileLocaleChanges(async () => {
              await activateLocale(locale);
              await saveLocaleToAccount(client, locale).catch(() => undefined);
            });
          } finally {
            setBusy(false);
          }
        }}
      >
        {Object.entries(LOCALES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
