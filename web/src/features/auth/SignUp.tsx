import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, TextField } from '../../app/forms';
import { Page } from '../../app/Page';
import { EmailField, NewPasswordField } from './fields';
import { useSignUp } from './queries';

export default function SignUp() {
  const { t, i18n } = useLingui();
  const signUp = useSignUp();
  const navigate = useNavigate();
  const errors = fieldErrors(i18n, signUp.error);
  return (
    <Page title={t`Create your Kenal account`}>
      <p>
        <Trans>Meet pen pals and join competitions with young people from Korea and ASEAN.</Trans>
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          signUp.mutate(
            {
              displayName: v.displayName,
              email: v.email,
              password: v.password,
              locale: i18n.locale as 'en',
            },
            { onSuccess: () => navigate('/profile') },
          );
        }}
      >
        <ErrorMessage error={signUp.error} />
        <TextField
          label={t`Your name`}
          hint={t`This is the name other people on Kenal see.`}
          name="displayName"
          autoComplete="name"
          required
          maxLength={80}
          error={errors.displayName}
        />
        <EmailField error={errors.email} />
        <NewPasswordField label={t`Password`} error={errors.password} />
        <button type="submit" className="button" disabled={signUp.isPending}>
          <Trans>Create my account</Trans>
        </button>
      </form>
      <p>
        <Trans>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </Trans>
      </p>
    </Page>
  );
}
