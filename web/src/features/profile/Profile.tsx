import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { fieldErrors } from '../../app/errors';
import {
  ErrorMessage,
  formValues,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useMe, useSaveProfile, type Me, type ProfileInput } from '../account/queries';
import { ConsentStatus } from './ConsentStatus';
import { type LanguageRow, type Level, LanguagesField, nextRowKey } from './LanguagesField';
import { useInterests } from './queries';
import { ageOn, COUNTRIES, displayNames, GENDERS, INTEREST_LABELS, sortByName } from './reference';

function InterestsField({
  chosen,
  setChosen,
  error,
}: {
  chosen: Set<string>;
  setChosen: (s: Set<string>) => void;
  error?: string;
}) {
  const { i18n } = useLingui();
  const interests = useInterests();
  const errorId = useId();
  if (interests.isPending) return <Loading />;
  if (interests.isError) return <ErrorMessage error={interests.error} />;
  const label = (tag: string, en: string) =>
    INTEREST_LABELS[tag] ? i18n._(INTEREST_LABELS[tag]) : en;
  const items = sortByName(interests.data, (i) => label(i.tag, i.label.en), i18n);
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>
        <Trans>Interests</Trans>
      </legend>
      <p className="hint">
        <Trans>Pick what you like: we use it to find pen pals who like the same things.</Trans>
      </p>
      <div className="checks">
        {items.map((item) => (
          <label className="check" key={item.tag}>
            <input
              type="checkbox"
              checked={chosen.has(item.tag)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(item.tag);
                else next.delete(item.tag);
                setChosen(next);
              }}
            />
            {label(item.tag, item.label.en)}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useLingui();
  const save = useSaveProfile();
  const names = displayNames(i18n);
  const p = me.profile;
  const [dateOfBirth, setDateOfBirth] = useState(p?.dateOfBirth ?? '');
  const [rows, setRows] = useState<LanguageRow[]>(() =>
    p?.languages.length
      ? p.languages.map((l) => ({ key: nextRowKey(), code: l.code, level: l.level as Level }))
      : [{ key: nextRowKey(), code: '', level: 'native' }],
  );
  const [chosen, setChosen] = useState(() => new Set(p?.interests ?? []));
  const age = ageOn(dateOfBirth);
  const minor = age !== null && age < 18;
  const errors = fieldErrors(i18n, save.error);
  const languagesError =
    errors.languages ?? Object.entries(errors).find(([k]) => k.startsWith('languages.'))?.[1];
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        const body: ProfileInput = {
          country: v.country as ProfileInput['country'],
          dateOfBirth,
          languages: rows.filter((r) => r.code).map((r) => ({ code: r.code, level: r.level })),
          interests: [...chosen],
          ...(v.gender ? { gender: v.gender as ProfileInput['gender'] } : {}),
          ...(v.institution.trim() ? { institution: v.institution.trim() } : {}),
          ...(v.city.trim() ? { city: v.city.trim() } : {}),
          ...(v.bio.trim() ? { bio: v.bio.trim() } : {}),
          timezone: p?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          locale: i18n.locale as ProfileInput['locale'],
          // Both empty: no guardian at all, which the API answers with GUARDIAN_CONSENT_REQUIRED.
          ...(minor && (v.guardianName.trim() || v.guardianEmail.trim())
            ? { guardian: { name: v.guardianName.trim(), email: v.guardianEmail.trim() } }
            : {}),
        };
        save.mutate(body);
      }}
    >
      <ErrorMessage error={save.error} />
      {save.isSuccess && !save.isPending && (
        <Notice>
          <Trans>Your profile is saved.</Trans>
        </Notice>
      )}
      <SelectField
        label={t`Country`}
        name="country"
        defaultValue={p?.country ?? ''}
        required
        error={errors.country}
      >
        <option value="">{t`Choose your country`}</option>
        {sortByName(COUNTRIES, names.country, i18n).map((c) => (
          <option key={c} value={c}>
            {names.country(c)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t`Date of birth`}
        name="dateOfBirth"
        type="date"
        value={dateOfBirth}
        onChange={(e) => setDateOfBirth(e.target.value)}
        max={today}
        required
        error={errors.dateOfBirth}
      />
      {minor && (
        <fieldset className="guardian">
          <legend>
            <Trans>Your parent or guardian</Trans>
          </legend>
          <p className="hint">
            <Trans>
              You are under 18, so we'll email your parent or guardian to ask if you may take part.
              They only need to click a link.
            </Trans>
          </p>
          <div className="stack">
            <TextField
              label={t`Their name`}
              name="guardianName"
              defaultValue={me.guardianConsent.guardianName ?? ''}
              autoComplete="off"
              required
              maxLength={120}
              error={errors['guardian.name'] ?? errors.guardian}
            />
            <TextField
              label={t`Their email`}
              name="guardianEmail"
              type="email"
              defaultValue={me.guardianConsent.guardianEmail ?? ''}
              autoComplete="off"
              required
              error={errors['guardian.email']}
            />
          </div>
        </fieldset>
      )}
      <LanguagesField rows={rows} setRows={setRows} error={languagesError} />
      <InterestsField chosen={chosen} setChosen={setChosen} error={errors.interests} />
      <SelectField
        label={t`Gender (optional)`}
        name="gender"
        defaultValue={p?.gender ?? ''}
        error={errors.gender}
      >
        <option value="">—</option>
        {(Object.keys(GENDERS) as (keyof typeof GENDERS)[]).map((g) => (
          <option key={g} value={g}>
            {i18n._(GENDERS[g])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t`School or university (optional)`}
        name="institution"
        defaultValue={p?.institution ?? ''}
        maxLength={160}
        error={errors.institution}
      />
      <TextField
        label={t`City (optional)`}
        name="city"
        defaultValue={p?.city ?? ''}
        maxLength={120}
        autoComplete="address-level2"
        error={errors.city}
      />
      <TextAreaField
        label={t`About me (optional)`}
        hint={t`A few sentences your pen pal will read first.`}
        name="bio"
        defaultValue={p?.bio ?? ''}
        maxLength={1000}
        rows={4}
        error={errors.bio}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        <Trans>Save my profile</Trans>
      </button>
    </form>
  );
}

export default function Profile() {
  const { t } = useLingui();
  const me = useMe();
  return (
    <Page title={t`My profile`}>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <ErrorMessage error={me.error} />
      ) : (
        <>
          <ConsentStatus consent={me.data.guardianConsent} />
          <ProfileForm me={me.data} />
        </>
      )}
    </Page>
  );
}
