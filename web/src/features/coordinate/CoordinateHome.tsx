import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { CompetitionLinks } from '../coordinate-judging/CompetitionLinks';
import { fromLocalInput, toLocalInput } from './countries';
import { useCreateRound, useProgrammes } from './queries';
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
    minPerCountry?: number;
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
          <input type="checkbox" name="sharedLanguage" defaultChecked />
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
  };
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
              <NewRound programmeId={p.id} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
