import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice } from '../../app/forms';
import { Page } from '../../app/Page';
import { EmailField } from './fields';
import { useRequestPasswordReset } from './queries';

export default function ForgotPassword() {
  const { t, i18n } = useLingui();
  const request = useRequestPasswordReset();
  const errors = fieldErrors(i18n, request.error);
  return (
    <Page title={t`Forgot your password?`}>
      {request.isSuccess ? (
        <Notice>
          <Trans>
            If there is a Kenal account for this email, we've sent it a link to choose a new
            password. Check your inbox (and your spam folder).
          </Trans>
        </Notice>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate(formValues(e.currentTarget).email);
          }}
        >
          <p>
            <Trans>Enter your email and we'll send you a link to choose a new password.</Trans>
          </p>
          <ErrorMessage error={request.error} />
          <EmailField error={errors.email} />
          <button type="submit" className="button" disabled={request.isPending}>
            <Trans>Send me a link</Trans>
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">
          <Trans>Back to sign in</Trans>
        </Link>
      </p>
    </Page>
  );
}
