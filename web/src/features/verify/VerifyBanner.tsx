import { Trans } from '@lingui/react/macro';
import { useMe } from '../account/queries';
import { ResendVerificationButton } from './ResendButton';

/** Shown on every page to a signed-in person who has not confirmed their email address yet. */
export function VerifyBanner() {
  const me = useMe();
  if (!me.data || me.data.emailVerified) return null;
  const email = me.data.email;
  return (
    <section className="verify-banner" aria-labelledby="verify-banner-title">
      <h2 id="verify-banner-title">
        <Trans>Please confirm your email address</Trans>
      </h2>
      <p>
        <Trans>We sent a link to {email}. Open it to find pen pals and join teams.</Trans>
      </p>
      <ResendVerificationButton secondary />
    </section>
  );
}
