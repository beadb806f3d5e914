import { Trans } from '@lingui/react/macro';
import { ErrorMessage, Notice } from '../../app/forms';
import { useResendVerification } from './queries';

/** "Send me a new link", with what happened said in words (429 TOO_MANY_EMAILS included). */
export function ResendVerificationButton({ secondary }: { secondary?: boolean }) {
  const resend = useResendVerification();
  return (
    <div className="stack">
      {resend.isSuccess ? (
        <Notice>
          <Trans>We sent you a new link. Check your email (and the spam folder).</Trans>
        </Notice>
      ) : (
        <ErrorMessage error={resend.error} />
      )}
      <p className="actions">
        <button
          type="button"
          className={secondary ? 'button button-secondary' : 'button'}
          disabled={resend.isPending}
          onClick={() => resend.mutate()}
        >
          <Trans>Send me a new link</Trans>
        </button>
      </p>
    </div>
  );
}
