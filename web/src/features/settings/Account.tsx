import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice, TextField } from '../../app/forms';
import { Page, RequireSignIn } from '../../app/Page';
import {
  useDeleteAccount,
  useExportMyData,
  useForgetSession,
  useSignOutEverywhere,
} from './queries';

function AccountPage() {
  const { t, i18n } = useLingui();
  const navigate = useNavigate();
  const exportData = useExportMyData();
  const signOutAll = useSignOutEverywhere();
  const remove = useDeleteAccount();
  const forget = useForgetSession();
  const wrongPassword =
    remove.error instanceof ApiError && remove.error.problem.code === 'PASSWORD_INCORRECT';
  const errors = fieldErrors(i18n, remove.error);
  return (
    <Page title={t`My account`}>
      <section className="card stack" aria-labelledby="my-data">
        <h2 id="my-data">
          <Trans>Download my data</Trans>
        </h2>
        <p>
          <Trans>
            Get a file with everything Kenal keeps about you: your account, profile, pen pals, teams
            and notifications.
          </Trans>
        </p>
        {exportData.isSuccess && (
          <Notice>
            <Trans>Your file is downloading.</Trans>
          </Notice>
        )}
        <ErrorMessage error={exportData.error} />
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={exportData.isPending}
            onClick={() => exportData.mutate()}
          >
            <Trans>Download my data</Trans>
          </button>
        </p>
      </section>

      <section className="card stack" aria-labelledby="sessions">
        <h2 id="sessions">
          <Trans>Sign out everywhere</Trans>
        </h2>
        <p>
          <Trans>
            Signs you out on every phone and computer, this one too. Useful if you lost a phone or
            signed in on someone else's.
          </Trans>
        </p>
        <ErrorMessage error={signOutAll.error} />
        <p className="actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={signOutAll.isPending}
            onClick={() =>
              signOutAll.mutate(undefined, {
                onSuccess: () => {
                  navigate('/sign-in');
                  forget();
                },
              })
            }
          >
            <Trans>Sign out everywhere</Trans>
          </button>
        </p>
      </section>

      <section className="card stack" aria-labelledby="delete">
        <h2 id="delete">
          <Trans>Delete my account</Trans>
        </h2>
        <p>
          <Trans>
            This closes your account at once and cannot be undone. We erase your profile, your
            guardian's details, your enrolments and your notifications. Your pen pals are told you
            left, without any details. A team entry you already submitted stays, under the name
            "Former member".
          </Trans>
        </p>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate(formValues(e.currentTarget).password, {
              onSuccess: () => {
                // The goodbye page forgets the session once it shows (signed-out first would
                // send this signed-in-only page to sign in).
                navigate('/goodbye', { replace: true, state: { deleted: true } });
              },
            });
          }}
        >
          {!wrongPassword && <ErrorMessage error={remove.error} />}
          <TextField
            label={t`Your password, to confirm it's you`}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            error={wrongPassword ? t`That password is not right.` : errors.password}
          />
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={remove.isPending}>
              <Trans>Delete my account for good</Trans>
            </button>
          </p>
        </form>
      </section>
    </Page>
  );
}

export default function Account() {
  return (
    <RequireSignIn>
      <AccountPage />
    </RequireSignIn>
  );
}
