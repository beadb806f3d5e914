import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice } from '../../app/forms';
import { Page } from '../../app/Page';
import { NewPasswordField } from './fields';
import { useSetPassword } from './queries';

/** Opened from the emailed link (a reset, or a new staff member's first password). */
export default function ResetPassword() {
  const { t, i18n } = useLingui();
  const { token = '' } = useParams();
  const set = useSetPassword(token);
  const errors = fieldErrors(i18n, set.error);
  return (
    <Page title={t`Choose a new password`}>
      {set.isSuccess ? (
        <>
          <Notice>
            <Trans>Your new password is saved.</Trans>
          </Notice>
          <p>
            <Link to="/sign-in" className="button">
              <Trans>Sign in</Trans>
            </Link>
          </p>
        </>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate(formValues(e.currentTarget).password);
          }}
        >
          <ErrorMessage error={set.error} />
          <NewPasswordField label={t`New password`} error={errors.password} />
          <button type="submit" className="button" disabled={set.isPending}>
            <Trans>Save my new password</Trans>
          </button>
        </form>
      )}
    </Page>
  );
}
