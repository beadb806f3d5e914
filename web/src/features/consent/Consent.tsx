import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ErrorMessage, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useConfirmConsent, useConsentDetails } from './queries';

/**
 * A guardian opens this from the emailed link (in the participant's language): what the young
 * person will do on Kenal, what is shared, and a plain yes or no. No account needed.
 */
export default function Consent() {
  const { t } = useLingui();
  const { token = '' } = useParams();
  const details = useConsentDetails(token);
  const confirm = useConfirmConsent(token);
  const [declined, setDeclined] = useState(false);

  if (details.isPending) return <Loading />;
  if (details.isError) {
    return (
      <Page title={t`Permission to take part in Kenal`}>
        <ErrorMessage error={details.error} />
        <p>
          <Trans>
            If your child still needs your permission, ask them to send a new email from Kenal.
          </Trans>
        </p>
      </Page>
    );
  }
  const { participantName: child, guardianName } = details.data;

  if (confirm.isSuccess) {
    return (
      <Page title={t`Thank you!`}>
        <Notice>
          <Trans>You said yes. {child} can now take part in Kenal.</Trans>
        </Notice>
        <p>
          <Trans>
            We've sent you an email to confirm it. If you change your mind later, you can take your
            permission back with the link in that email.
          </Trans>
        </p>
      </Page>
    );
  }
  if (declined) {
    return (
      <Page title={t`You said no`}>
        <p>
          <Trans>
            {child} can't be matched with pen pals or enter competitions without a parent's or
            guardian's permission. Nothing else happens: you can close this page. If you change your
            mind, open the link in the email again.
          </Trans>
        </p>
        <button type="button" className="button-secondary" onClick={() => setDeclined(false)}>
          <Trans>Go back</Trans>
        </button>
      </Page>
    );
  }
  return (
    <Page title={t`May ${child} take part in Kenal?`}>
      <p>
        <Trans>
          Dear {guardianName}, {child} has signed up for Kenal, the ASEAN–Korea youth exchange, and
          named you as their parent or guardian. Because they are under 18, they need your
          permission.
        </Trans>
      </p>
      <section className="card" aria-labelledby="what">
        <h2 id="what">
          <Trans>What {child} will do on Kenal</Trans>
        </h2>
        <ul>
          <li>
            <Trans>
              Write letters with a pen pal of a similar age from Korea or an ASEAN country.
            </Trans>
          </li>
          <li>
            <Trans>
              Join short-film and project competitions, in teams with other young people.
            </Trans>
          </li>
          <li>
            <Trans>Get emails and messages from Kenal about these activities.</Trans>
          </li>
        </ul>
      </section>
      <section className="card" aria-labelledby="shared">
        <h2 id="shared">
          <Trans>What is shared, and how they are kept safe</Trans>
        </h2>
        <ul>
          <li>
            <Trans>
              A pen pal sees {child}'s name, country, languages and interests, never their email
              address or date of birth.
            </Trans>
          </li>
          <li>
            <Trans>
              Letters to or from a young person that contain contact details (phone numbers, email
              addresses, links) are held for a programme coordinator to check.
            </Trans>
          </li>
          <li>
            <Trans>Team members see each other's names and the work they submit together.</Trans>
          </li>
          <li>
            <Trans>
              You can take your permission back at any time with the link in our confirmation email.
            </Trans>
          </li>
        </ul>
      </section>
      <ErrorMessage error={confirm.error} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate()}
        >
          <Trans>Yes, I agree</Trans>
        </button>
        <button type="button" className="button-secondary" onClick={() => setDeclined(true)}>
          <Trans>No, I don't agree</Trans>
        </button>
      </div>
    </Page>
  );
}
