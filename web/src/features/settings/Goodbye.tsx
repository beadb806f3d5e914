import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { Page } from '../../app/Page';
import { useForgetSession } from './queries';

/** After deleting the account: signed out, and told plainly what happened. */
export default function Goodbye() {
  const { t } = useLingui();
  const deleted = (useLocation().state as { deleted?: boolean } | null)?.deleted === true;
  const forget = useForgetSession();
  useEffect(() => {
    // Arrived from deleting the account: its session is over on the server, forget it here.
    if (deleted) forget();
  }, [deleted, forget]);
  return (
    <Page title={t`Goodbye`}>
      <p className="lead">
        <Trans>
          Your account is deleted and you are signed out. Thank you for being part of Kenal.
        </Trans>
      </p>
      <p>
        <Link to="/">
          <Trans>Back to the start page</Trans>
        </Link>
      </p>
    </Page>
  );
}
