import { Trans, useLingui } from '@lingui/react/macro';
import { lazy } from 'react';
import { Link } from 'react-router';
import { Page } from '../../app/Page';
import { useSignedIn } from '../../app/session';

function Welcome() {
  const { t } = useLingui();
  return (
    <Page title={t`Make friends across Korea and ASEAN`}>
      <p className="lead">
        <Trans>
          Kenal pairs you with a pen pal from another country and lets you make films and projects
          together with young people from Korea and the ten ASEAN countries.
        </Trans>
      </p>
      <p className="actions">
        <Link to="/sign-up" className="button">
          <Trans>Create an account</Trans>
        </Link>
        <Link to="/sign-in" className="button button-secondary">
          <Trans>Sign in</Trans>
        </Link>
      </p>
      <p>
        <Link to="/competitions">
          <Trans>See the competitions</Trans>
        </Link>
      </p>
    </Page>
  );
}

// Only a signed-in person sees it: its own chunk (index.html preloads it when a session is stored).
const Dashboard = lazy(() => import('./Dashboard'));

export default function Home() {
  return useSignedIn() ? <Dashboard /> : <Welcome />;
}
