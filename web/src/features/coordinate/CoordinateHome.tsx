import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice, SelectField, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { CompetitionLinks } from '../coordinate-judging/CompetitionLinks';
import { fromLocalInput, toLocalInput } from './countries';
import {
  useAddCoordinator,
  useCoordinators,
  useCreateRound,
  useProgrammeRounds,
  useProgrammes,
} from './queries';
import { Deadline } from '../staff/When';
import '../staff/staff.css';

const num = (v: string | undefined) => (v && v.trim() !== '' ? Number(v) : undefined);

/** The round's settings; the same fields serve creating and editing. */
export function RoundFields({
  errors,
  initial,
}: {
  errors: Record<string, string>;
  initial?: {
    name?: string;
    opens?: string;
    closes?: string;
    per?: number;
    minAge?: number;
    maxAge?: number;
    gap?: number;
    sharedLanguage?: boolean;
    minPerCountry?: number;
    weights?: { language?: number; interests?: number; age?: number; preferences?: number };
    letterDelay?: string;
    lettersPerDay?: number;
    screenAdultLetters?: boolean;
  };
}) {
  const { t } = useLingui();
  const soon = new Date(Date.now() + 14 * 86400_000).toISOString();
  return (
    <>
      <TextField
        label={t`Round name`}
        name="name"
        required
        maxLength={160}
        defaultValue={initial?.name}
        error={errors.name}
      />
      <div className="row">
        <TextField
          label={t`Enrolment opens`}
          name="opens"
          type="datetime-local"
          required
          defaultValue={toLocalInput(initial?.opens ?? new Date().toISOString())}
          error={errors.enrolmentOpensAt}
        />
        <TextField
          label={t`Enrolment closes`}
          name="closes"
          type="datetime-local"
          required
          defaultValue={toLocalInput(initial?.closes ?? soon)}
          error={errors.enrolmentClosesAt}
        />
      </div>
      <TextField
        label={t`Pen pals per person`}
        name="per"
        type="number"
        min={1}
        max={5}
        defaultValue={initial?.per ?? 1}
        error={errors.penpalsPerParticipant}
      />
      <fieldset className="stack">
        <legend>
          <Trans>Rules</Trans>
        </legend>
        <div className="row">
          <TextField
            label={t`Youngest age`}
            name="minAge"
            type="number"
            min={10}
            max={100}
            defaultValue={initial?.minAge}
            error={errors['rules.minAge']}
          />
          <TextField
            label={t`Oldest age`}
            name="maxAge"
            type="number"
            min={10}
            max={100}
            defaultValue={initial?.maxAge}
            error={errors['rules.maxAge']}
          />
          <TextField
            label={t`Largest age gap (years)`}
            name="gap"
            type="number"
            min={0}
            max={50}
            defaultValue={initial?.gap ?? 3}
            error={errors['rules.maxAgeGapYears']}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            name="sharedLanguage"
            defaultChecked={initial?.sharedLanguage ?? true}
          />
          <Trans>Pen pals must share a language</Trans>
        </label>
      </fieldset>
      <TextField
        label={t`Pairs wanted for every ASEAN country`}
        hint={t`The matching tries to give each country at least this many pairs.`}
        name="minPerCountry"
        type="number"
        min={0}
        defaultValue={initial?.minPerCountry ?? 0}
        error={errors['countryBalance.minPerCountry']}
      />
      <fieldset className="stack">
        <legend>
          <Trans>Weights of the match score (0 to 100)</Trans>
        </legend>
        <div className="row">
          <TextField
            label={t`Shared languages`}
            name="wLanguage"
            type="number"
            min={0}
            max={100}
            defaultValue={initial?.weights?.language}
            error={errors['weights.language']}
          />
          <TextField
            label={t`Shared interests`}
            name="wInterests"
            type="number"
            min={0}
            max={100}
            defaultValue={initial?.weights?.interests}
            error={errors['weights.interests']}
          />
          <TextField
            label={t`Close in age`}
            name="wAge"
            type="number"
            min={0}
            max={100}
            defaultValue={initial?.weights?.age}
            error={errors['weights.age']}
          />
          <TextField
            label={t`Wishes (country, gender)`}
            name="wPreferences"
            type="number"
            min={0}
            max={100}
            defaultValue={initial?.weights?.preferences}
            error={errors['weights.preferences']}
          />
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>
          <Trans>Letters</Trans>
        </legend>
        <SelectField
          label={t`Letter delivery`}
          name="letterDelay"
          defaultValue={initial?.letterDelay ?? 'none'}
          error={errors.letterDelay}
        >
          <option value="none">{t`At once`}</option>
          <option value="distance">{t`After a delay that grows with the distance`}</option>
        </SelectField>
        <TextField
          label={t`Letters per person per match in a day`}
          name="lettersPerDay"
          type="number"
          min={1}
          max={50}
          defaultValue={initial?.lettersPerDay ?? 5}
          error={errors.lettersPerDay}
        />
        <label className="check">
          <input
            type="checkbox"
            name="screenAdultLetters"
            defaultChecked={initial?.screenAdultLetters ?? false}
          />
          <Trans>
            Hold adults' letters with contact details for review too (minors' letters always are)
          </Trans>
        </label>
      </fieldset>
    </>
  );
}

/** The form's values as the API takes a round. */
export function roundBody(v: Record<string, string>) {
  return {
    name: v.name,
    enrolmentOpensAt: fromLocalInput(v.opens),
    enrolmentClosesAt: fromLocalInput(v.closes),
    penpalsPerParticipant: num(v.per) ?? 1,
    rules: {
      ...(num(v.minAge) !== undefined ? { minAge: num(v.minAge) } : {}),
      ...(num(v.maxAge) !== undefined ? { maxAge: num(v.maxAge) } : {}),
      maxAgeGapYears: num(v.gap) ?? 3,
      requireSharedLanguage: v.sharedLanguage === 'on',
    },
    countryBalance: { minPerCountry: num(v.minPerCountry) ?? 0 },
    ...(weights(v) ? { weights: weights(v) } : {}),
    letterDelay: (v.letterDelay === 'distance' ? 'distance' : 'none') as 'none' | 'distance',
    lettersPerDay: num(v.lettersPerDay) ?? 5,
    screenAdultLetters: v.screenAdultLetters === 'on',
  };
}

/** The weights given; none given keeps the round's (or the default) weights. */
function weights(v: Record<string, string>) {
  const w = {
    language: num(v.wLanguage),
    interests: num(v.wInterests),
    age: num(v.wAge),
    preferences: num(v.wPreferences),
  };
  const given = Object.entries(w).filter(([, x]) => x !== undefined);
  return given.length ? Object.fromEntries(given) : undefined;
}

function NewRound({ programmeId }: { programmeId: string }) {
  const { i18n } = useLingui();
  const create = useCreateRound(programmeId);
  const navigate = useNavigate();
  const errors = fieldErrors(i18n, create.error);
  return (
    <details className="card">
      <summary>
        <Trans>New pen-pal round</Trans>
      </summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(roundBody(formValues(e.currentTarget)), {
            onSuccess: (round) => navigate(`/coordinate/penpal-rounds/${round.id}`),
          });
        }}
      >
        <ErrorMessage error={create.error} />
        <RoundFields errors={errors} />
        <button type="submit" className="button" disabled={create.isPending}>
          <Trans>Create the round</Trans>
        </button>
      </form>
    </details>
  );
}

function ProgrammeRounds({ programmeId, timeZone }: { programmeId: string; timeZone: string }) {
  const rounds = useProgrammeRounds(programmeId);
  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <ErrorMessage error={rounds.error} />;
  if (rounds.data.length === 0)
    return (
      <p className="meta">
        <Trans>No pen-pal round yet.</Trans>
      </p>
    );
  return (
    <ul className="plain-list">
      {rounds.data.map((r) => {
        const enrolled = r.enrolled;
        const runs = r.runs;
        return (
          <li key={r.id} className="list-row">
            <Link to={`/coordinate/penpal-rounds/${r.id}`}>{r.name}</Link>
            <span className="meta">
              <Trans>
                Enrolled: {enrolled} · runs: {runs}
              </Trans>
              {' · '}
              {r.publishedAt ? (
                <Trans>published</Trans>
              ) : r.enrolment === 'open' ? (
                <Trans>Enrolment is open</Trans>
              ) : r.enrolment === 'closed' ? (
                <Trans>Enrolment is closed</Trans>
              ) : (
                <Trans>Enrolment has not opened yet</Trans>
              )}
              {' · '}
              <Deadline at={r.enrolmentClosesAt} timeZone={timeZone} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Coordinators({ programmeId, name }: { programmeId: string; name: string }) {
  const { t, i18n } = useLingui();
  const list = useCoordinators(programmeId);
  const add = useAddCoordinator(programmeId);
  const errors = fieldErrors(i18n, add.error);
  return (
    <details className="card">
      <summary>
        <Trans>Coordinators</Trans>
      </summary>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : (
        <ul className="plain-list">
          {list.data.map((c) => (
            <li key={c.userId} className="list-row">
              <span>{c.displayName}</span>
              <span className="meta">{c.email}</span>
            </li>
          ))}
        </ul>
      )}
      <form
        className="stack"
        aria-label={t`Add a coordinator to ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          add.mutate(formValues(form).email, { onSuccess: () => form.reset() });
        }}
      >
        {add.isSuccess && (
          <Notice>
            <Trans>Coordinator added.</Trans>
          </Notice>
        )}
        <ErrorMessage error={add.error} />
        <TextField
          label={t`Email of a coordinator to add`}
          hint={t`They need the coordinator role: an administrator gives it.`}
          name="email"
          type="email"
          required
          error={errors.email}
        />
        <button type="submit" className="button-secondary" disabled={add.isPending}>
          <Trans>Add coordinator</Trans>
        </button>
      </form>
    </details>
  );
}

export default function CoordinateHome() {
  const { t } = useLingui();
  const programmes = useProgrammes();
  return (
    <Page title={t`Coordinate`}>
      <p>
        <Link to="/coordinate/competitions">
          <Trans>Competitions: create, edit, entries</Trans>
        </Link>
      </p>
      <CompetitionLinks />
      {programmes.isPending ? (
        <Loading />
      ) : programmes.isError ? (
        <ErrorMessage error={programmes.error} />
      ) : programmes.data.items.length === 0 ? (
        <p>
          <Trans>
            You don't coordinate a programme yet. An administrator or a coordinator adds you.
          </Trans>
        </p>
      ) : (
        <ul className="plain-list stack">
          {programmes.data.items.map((p) => (
            <li key={p.id} className="card stack">
              <h2>{p.name}</h2>
              <p className="meta">{p.timezone}</p>
              <p>
                <Link to={`/coordinate/programmes/${p.id}/moderation`}>
                  <Trans>Moderation: held and reported letters</Trans>
                </Link>
              </p>
              <h3>
                <Trans>Pen-pal rounds</Trans>
              </h3>
              <ProgrammeRounds programmeId={p.id} timeZone={p.timezone} />
              <NewRound programmeId={p.id} />
              <Coordinators programmeId={p.id} name={p.name} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
