import { useLingui } from '@lingui/react/macro';
import { TextField } from '../../app/forms';

export function EmailField({ error }: { error?: string }) {
  const { t } = useLingui();
  return (
    <TextField
      label={t`Email`}
      name="email"
      type="email"
      autoComplete="email"
      required
      error={error}
    />
  );
}

/** A password being chosen: the API's rule (10 to 200 characters) checked by the browser first. */
export function NewPasswordField({ label, error }: { label: string; error?: string }) {
  const { t } = useLingui();
  return (
    <TextField
      label={label}
      hint={t`At least 10 characters. A short sentence is easy to remember.`}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={10}
      maxLength={200}
      error={error}
    />
  );
}
