import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useMe } from '../account/queries';

/** The signed-in person's home: their next step. */
export default function Dashboard() {
  const { t } = useLingui();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  const { displayName, profile, guardianConsent } = me.data;
  return (
    <Page title={t`Hello, ${displayName}!`}>
      {!profile ? (
        <section className="card" aria-labelledby="next-step">
          <h2 id="next-step">
            <Trans>Your next step</Trans>
          </h2>
          <p>
            <Trans>Tell us a little about yourself so we can find you a good pen pal.</Trans>
          </p>
          <Link to="/profile" className="button">
            <Trans>Fill in my profile</Trans>
          </Link>
        </section>
      ) : guardianConsent.status === 'pending' || guardianConsent.status === 'missing' ? (
        <section className="card" aria-labelledby="consent">
          <h2 id="consent">
            <Trans>Waiting for your guardian</Trans>
          </h2>
          <p>
            <Trans>
              Your parent or guardian needs to say yes before you can be matched or enter a
              competition.
            </Trans>
          </p>
          <Link to="/profile" className="button button-secondary">
            <Trans>See the details</Trans>
          </Link>
        </section>
      ) : (
        <section className="card" aria-labelledby="ready">
          <h2 id="ready">
            <Trans>You're all set</Trans>
          </h2>
          <p>
            <Link to="/profile">
              <Trans>Edit my profile</Trans>
            </Link>
          </p>
          <p>
            <Link to="/competitions">
              <Trans>See the competitions</Trans>
            </Link>
          </p>
        </section>
      )}
    </Page>
  );
}
