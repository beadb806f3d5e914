import { Trans, useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';
import { SelectField, TextAreaField, TextField } from '../../app/forms';
import { formatMoment } from '../staff/When';
import type { FormState } from './form';
import { RubricEditor } from './RubricEditor';
import { wallToIso } from './zoned';

const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Under a window field: the moment in the coordinator's own time zone, when it differs. */
function InYourZone({ wall, timeZone }: { wall: string; timeZone: string }) {
  const { i18n } = useLingui();
  const iso = wallToIso(wall, timeZone);
  if (!iso) return null;
  const mine = localTimeZone();
  if (mine === timeZone) {
    return (
      <Trans>
        {formatMoment(i18n.locale, iso, timeZone)}: the programme’s time zone is yours too.
      </Trans>
    );
  }
  return <Trans>For you: {formatMoment(i18n.locale, iso, mine)}</Trans>;
}

/**
 * The competition's settings; the same fields serve creating and editing. `extra` sits under the
 * window (the edit page puts its "close now" and "extend" buttons there).
 */
export function CompetitionFields({
  state,
  set,
  errors,
  timeZone,
  windowActions,
  rubricLocked,
}: {
  state: FormState;
  set: (patch: Partial<FormState>) => void;
  errors: Record<string, string>;
  timeZone: string;
  windowActions?: ReactNode;
  rubricLocked?: boolean;
}) {
  const { t } = useLingui();
  return (
    <>
      <fieldset className="stack">
        <legend>
          <Trans>About the competition</Trans>
        </legend>
        <SelectField
          label={t`Kind`}
          value={state.kind}
          onChange={(e) => set({ kind: e.target.value as FormState['kind'] })}
          error={errors.kind}
        >
          <option value="short_movie">{t`Short movie`}</option>
          <option value="project">{t`Project`}</option>
        </SelectField>
        <TextField
          label={t`Title`}
          value={state.title}
          maxLength={160}
          onChange={(e) => set({ title: e.target.value })}
          error={errors.title}
        />
        <TextField
          label={t`Short name for the web address`}
          hint={t`Lower-case letters, digits and hyphens, like short-movies-2027.`}
          value={state.slug}
          maxLength={80}
          autoCapitalize="off"
          spellCheck={false}
          onChange={(e) => set({ slug: e.target.value })}
          error={errors.slug}
        />
        <TextAreaField
          label={t`Description`}
          hint={t`What entrants read on the competition's page.`}
          value={state.description}
          rows={5}
          maxLength={10000}
          onChange={(e) => set({ description: e.target.value })}
          error={errors.description}
        />
      </fieldset>

      <fieldset className="stack">
        <legend>
          <Trans>Submission window</Trans>
        </legend>
        <p className="hint">
          <Trans>Times are in the programme’s time zone, {timeZone}.</Trans>
        </p>
        <div className="row">
          <TextField
            label={t`Entries open (${timeZone})`}
            type="datetime-local"
            value={state.opens}
            hint={<InYourZone wall={state.opens} timeZone={timeZone} />}
            onChange={(e) => set({ opens: e.target.value })}
            error={errors.submissionOpensAt}
          />
          <TextField
            label={t`Entries close (${timeZone})`}
            type="datetime-local"
            value={state.closes}
            hint={<InYourZone wall={state.closes} timeZone={timeZone} />}
            onChange={(e) => set({ closes: e.target.value })}
            error={errors.submissionClosesAt}
          />
        </div>
        {windowActions}
      </fieldset>

      <fieldset className="stack">
        <legend>
          <Trans>Who can enter</Trans>
        </legend>
        <p className="hint">
          <Trans>Leave a field empty for no limit.</Trans>
        </p>
        <div className="row">
          <TextField
            label={t`Youngest age`}
            type="number"
            inputMode="numeric"
            min={10}
            max={100}
            value={state.minAge}
            onChange={(e) => set({ minAge: e.target.value })}
            error={errors['eligibility.minAge']}
          />
          <TextField
            label={t`Oldest age`}
            type="number"
            inputMode="numeric"
            min={10}
            max={100}
            value={state.maxAge}
            onChange={(e) => set({ maxAge: e.target.value })}
            error={errors['eligibility.maxAge']}
          />
        </div>
        <div className="row">
          <TextField
            label={t`Smallest team`}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={state.minTeamSize}
            onChange={(e) => set({ minTeamSize: e.target.value })}
            error={errors['eligibility.minTeamSize']}
          />
          <TextField
            label={t`Largest team`}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={state.maxTeamSize}
            onChange={(e) => set({ maxTeamSize: e.target.value })}
            error={errors['eligibility.maxTeamSize']}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={state.requireMixedTeam}
            onChange={(e) => set({ requireMixedTeam: e.target.checked })}
          />
          <Trans>Mixed teams only: at least one member from Korea and one from ASEAN</Trans>
        </label>
        {errors['eligibility.requireMixedTeam'] && (
          <p className="field-error">{errors['eligibility.requireMixedTeam']}</p>
        )}
      </fieldset>

      <fieldset className="stack">
        <legend>
          <Trans>Limits</Trans>
        </legend>
        <div className="row">
          <TextField
            label={t`Longest film (minutes)`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={state.maxRuntimeMinutes}
            onChange={(e) => set({ maxRuntimeMinutes: e.target.value })}
            error={errors['limits.maxRuntimeSeconds']}
          />
          <TextField
            label={t`Largest upload (MB)`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={state.maxUploadMb}
            onChange={(e) => set({ maxUploadMb: e.target.value })}
            error={errors['limits.maxUploadBytes']}
          />
        </div>
      </fieldset>

      <RubricEditor
        rows={state.rubric}
        onChange={(rubric) => set({ rubric })}
        errors={errors}
        locked={rubricLocked}
      />
    </>
  );
}
