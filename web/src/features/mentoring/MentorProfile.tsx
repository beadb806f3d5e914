import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../app/errors';
import {
  Checkboxes,
  ErrorMessage,
  formValues,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import {
  type LanguageRow,
  type Level,
  LanguagesField,
  nextRowKey,
} from '../profile/LanguagesField';
import { COUNTRIES, displayNames, sortByName } from '../profile/reference';
import { SDGS, sdgName, SECTORS, sectorName } from './labels';
import { mentorProfileBody, profileForm } from './logic';
import { type MentorProfile as Profile, useMentorProfile, useSaveMentorProfile } from './queries';
import '../staff/staff.css';
import './mentoring.css';

function ProfileForm({ saved }: { saved: Profile | null }) {
  const { t, i18n } = useLingui();
  const save = useSaveMentorProfile();
  const names = displayNames(i18n);
  const initial = profileForm(saved);
  const [sdgs, setSdgs] = useState<number[]>(initial.sdgs);
  const [countries, setCountries] = useState<string[]>(initial.countries);
  const [rows, setRows] = useState<LanguageRow[]>(() =>
    initial.languages.length
      ? initial.languages.map((l) => ({ key: nextRowKey(), code: l.code, level: l.level as Level }))
      : [{ key: nextRowKey(), code: '', level: 'fluent' }],
  );
  const errors = fieldErrors(i18n, save.error);
  const under = (prefix: string) =>
    errors[prefix] ?? Object.entries(errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          mentorProfileBody(formValues(e.currentTarget), { sdgs, countries, languages: rows }),
        );
      }}
    >
      {save.isSuccess && !save.isPending && (
        <Notice>
          <Trans>Your mentor profile is saved. Coordinators use it to match you with teams.</Trans>
        </Notice>
      )}
      <ErrorMessage error={save.error} />
      <TextField
        label={t`Organisation`}
        hint={t`The university, ministry, agency or company you work for.`}
        name="organisation"
        defaultValue={initial.organisation}
        required
        maxLength={200}
        autoComplete="organization"
        error={errors.organisation}
      />
      <SelectField
        label={t`Sector`}
        name="sector"
        defaultValue={initial.sector}
        required
        error={errors.sector}
      >
        <option value="">{t`Choose a sector`}</option>
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {sectorName(i18n, s)}
          </option>
        ))}
      </SelectField>
      <Checkboxes
        legend={t`Sustainable Development Goals you know well`}
        options={SDGS}
        value={sdgs}
        onChange={setSdgs}
        labelOf={(n) => sdgName(i18n, n)}
        error={under('expertise.sdgs') ?? errors.expertise}
      />
      <TextField
        label={t`Topics (separate with commas)`}
        hint={t`For example: water, coral reefs, microfinance, school meals.`}
        name="topics"
        defaultValue={initial.topics}
        error={under('expertise.topics')}
      />
      <Checkboxes
        legend={t`Countries you know`}
        options={sortByName<string>(COUNTRIES, names.country, i18n)}
        value={countries}
        onChange={setCountries}
        labelOf={(c) => names.country(c)}
        error={under('countries')}
      />
      <LanguagesField rows={rows} setRows={setRows} error={under('languages')} />
      <TextField
        label={t`How many teams you can mentor at once`}
        hint={t`From 1 to 10.`}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        defaultValue={initial.capacity}
        required
        error={errors.capacity}
      />
      <TextAreaField
        label={t`About you (optional)`}
        hint={t`A few sentences the teams read when they are introduced to you.`}
        name="bio"
        defaultValue={initial.bio}
        maxLength={2000}
        rows={5}
        error={errors.bio}
      />
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          <Trans>Save my mentor profile</Trans>
        </button>
      </div>
    </form>
  );
}

export default function MentorProfile() {
  const { t } = useLingui();
  const profile = useMentorProfile();
  return (
    <Page title={t`My mentor profile`}>
      <div className="stack">
        <p>
          <Link to="/mentoring">
            <Trans>The teams I mentor and our check-ins</Trans>
          </Link>
        </p>
        {profile.isPending ? (
          <Loading />
        ) : profile.isError ? (
          <ErrorMessage error={profile.error} />
        ) : (
          <>
            {!profile.data && (
              <p className="lead">
                <Trans>
                  Tell coordinators what you know: they match you with winning project teams on
                  shared goals, topics, countries and languages.
                </Trans>
              </p>
            )}
            <ProfileForm saved={profile.data} />
          </>
        )}
      </div>
    </Page>
  );
}
