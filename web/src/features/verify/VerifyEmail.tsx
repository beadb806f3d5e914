import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { ErrorMessage, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useSignedIn } from '../../app/session';
import { ResendVerificationButton } from './ResendButton';
import { useVerifyEmail } from './queries';

/** Opened from the emailed link: confirms the address at once. */
export default function VerifyEmail() {
  const { t } = useLingui();
  const { token = '' } = useParams();
  const signedIn = useSignedIn();
  const verify = useVerifyEmail(token);
  const started = useRef(false);
  useEffect(() => {
    // Once per visit (React runs effects twice in development).
    if (started.current) return;
    started.current = true;
    verify.mutate();
  }, [verify]);
  const invalid = verify.error instanceof ApiError && verify.error.problem.code === 'TOKEN_INVALID';
  return (
    <Page title={t`Confirm your email address`}>
      {verify.isSuccess ? (
        <>
          <Notice>
            <Trans>Thank you! Your email address is confirmed.</Trans>
          </Notice>
          <p className="actions">
            <Link to={signedIn ? '/penpals' : '/sign-in'} className="button">
              {signedIn ? <Trans>Find a pen pal</Trans> : <Trans>Sign in</Trans>}
            </Link>
          </p>
        </>
      ) : verify.isError ? (
        <>
          {invalid ? (
            <p className="alert alert-error" role="alert">
              <Trans>
                This link doesn't work any more: it was used already, a newer link was sent, or it
                is too old.
              </Trans>
            </p>
          ) : (
            <ErrorMessage error={verify.error} />
          )}
          {signedIn ? (
            <ResendVerificationButton />
          ) : (
            <p>
              <Trans>
                <Link to="/sign-in">Sign in</Link> to get a new link.
              </Trans>
            </p>
          )}
        </>
      ) : (
        <Loading />
      )}
    </Page>
  );
}
