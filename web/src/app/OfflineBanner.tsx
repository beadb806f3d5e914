import { Trans } from '@lingui/react/macro';
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/** Says so when the connection drops; TanStack Query holds requests and retries once it is back. */
export function OfflineBanner() {
  const online = useSyncExternalStore(
    (l) => onlineManager.subscribe(l),
    () => onlineManager.isOnline(),
  );
  return (
    <div
      role="status"
      aria-live="polite"
      className={online ? 'offline-banner hidden' : 'offline-banner'}
    >
      {!online && (
        <Trans>
          You're offline. We'll send your changes and refresh this page when you're back online.
        </Trans>
      )}
    </div>
  );
}
