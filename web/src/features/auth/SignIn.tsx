import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, TextField } from '../../app/forms';
import { Page } from '../../app/Page';
import { EmailField } from './fields';
import { useSignIn } from './queries';

/** Only paths of this app: never send someone to another site after signing in. */
export const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

export default function SignIn() {
  const { t, i18n } = useLingui();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errors = fieldErrors(i18n, signIn.error);
  return (
    <Page title={t`Sign in`}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          signIn.mutate(
            { email: v.email, password: v.password },
            { onSuccess: () => navigate(safeNext(params.get('next'))) },
          );
        }}
      >
        <ErrorMessage error={signIn.error} />
        <EmailField error={errors.email} />
        <TextField
          label={t`Password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button" disabled={signIn.isPending}>
          <Trans>Sign in</Trans>
        </button>
      </form>
      <p>
        <Link to="/forgot-password">
          <Trans>Forgot your password?</Trans>
        </Link>
      </p>
      <p>
        <Trans>
          New to Kenal? <Link to="/sign-up">Create an account</Link>
        </Trans>
      </p>
    </Page>
  );
}
