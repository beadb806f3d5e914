import { Trans, useLingui } from '@lingui/react/macro';
import { ErrorMessage, Notice } from '../../app/forms';
import { useResendConsent, type Me } from '../account/queries';
import { formatDate } from './reference';

/** Where a minor's guardian consent stands, and a way to send the email again. */
export function ConsentStatus({ consent }: { consent: Me['guardianConsent'] }) {
  const { i18n } = useLingui();
  const resend = useResendConsent();
  if (consent.status === 'not_required') return null;
  const name = consent.guardianName ?? '';
  const email = consent.guardianEmail ?? '';
  const date = consent.confirmedAt ? formatDate(i18n, consent.confirmedAt) : null;
  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">
        <Trans>Your guardian's permission</Trans>
      </h2>
      {consent.status === 'confirmed' && (
        <p>
          <span className="badge badge-ok">
            <Trans>Confirmed</Trans>
          </span>{' '}
          {date ? (
            <Trans>
              {name} said yes on {date}. You can take part in everything on Kenal.
            </Trans>
          ) : (
            <Trans>{name} said yes. You can take part in everything on Kenal.</Trans>
          )}
        </p>
      )}
      {consent.status === 'pending' && (
        <>
          <p>
            <span className="badge badge-wait">
              <Trans>Waiting</Trans>
            </span>{' '}
            <Trans>
              We emailed {name} at {email}. Once they open the link and say yes, you can be matched
              with pen pals and enter competitions.
            </Trans>
          </p>
          <p className="hint">
            <Trans>Nothing arrived? Ask them to check their spam folder, or send it again.</Trans>
          </p>
          <ErrorMessage error={resend.error} />
          {resend.isSuccess && (
            <Notice>
              <Trans>We sent the email again.</Trans>
            </Notice>
          )}
          <button
            type="button"
            className="button-secondary"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            <Trans>Send the email again</Trans>
          </button>
        </>
      )}
      {consent.status === 'missing' && (
        <p>
          <span className="badge badge-no">
            <Trans>Needed</Trans>
          </span>{' '}
          <Trans>
            You are under 18: add your parent or guardian below and save, and we'll email them.
          </Trans>
        </p>
      )}
    </section>
  );
}
