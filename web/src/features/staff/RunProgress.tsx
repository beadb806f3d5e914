import { Trans, useLingui } from '@lingui/react/macro';
import { formatNumber } from './When';

/** A matching or assignment run's state, in words. */
export function RunStatus({ status }: { status: string }) {
  switch (status) {
    case 'queued':
      return <Trans>Waiting to start</Trans>;
    case 'running':
      return <Trans>Running</Trans>;
    case 'succeeded':
      return <Trans>Finished</Trans>;
    default:
      return <Trans>Failed</Trans>;
  }
}

/**
 * A matching run as it goes (pen pals, mentors): its state, a progress bar announced while it
 * works, and what to do when it failed.
 */
export function RunProgress({ status, progress }: { status: string; progress: number }) {
  const { t, i18n } = useLingui();
  const percent = formatNumber(i18n.locale, progress * 100, 0);
  return (
    <>
      <p>
        <span className="badge">
          <RunStatus status={status} />
        </span>
      </p>
      {(status === 'queued' || status === 'running') && (
        <div className="stack" role="status">
          <p>
            <Trans>Matching… {percent}%</Trans>
          </p>
          <progress max={1} value={progress} aria-label={t`Matching progress`} />
        </div>
      )}
      {status === 'failed' && (
        <p className="alert alert-error" role="alert">
          <Trans>This run failed. Try running the matching again.</Trans>
        </p>
      )}
    </>
  );
}
