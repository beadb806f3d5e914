import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useSignedIn } from '../../app/session';
import { AWARD } from './awards';
import { countryName } from '../../app/countries';
import { formatInstant, formatNumber, visitorTimeZone } from './format';
import {
  type Competition,
  useCompetition,
  useCreateTeam,
  useMySubmissions,
  useMyTeams,
  useResults,
} from './queries';
import './competitions.css';

export const KIND: Record<string, MessageDescriptor> = {
  short_movie: msg`Short movie`,
  project: msg`Project`,
};

function Window({ competition }: { competition: Competition }) {
  const { i18n } = useLingui();
  const w = competition.window;
  const mine = visitorTimeZone();
  const opens = formatInstant(w.opensAt, i18n.locale, mine);
  const closes = formatInstant(w.closesAt, i18n.locale, mine);
  const opensThere = formatInstant(w.opensAt, i18n.locale, w.timezone);
  const closesThere = formatInstant(w.closesAt, i18n.locale, w.timezone);
  const zone = w.timezone;
  return (
    <section aria-labelledby="window-h" className="card">
      <h2 id="window-h">
        <Trans>When to send your entry</Trans>
      </h2>
      <p className={w.isOpen ? 'badge badge-ok' : 'badge'}>
        {w.isOpen ? <Trans>Open for entries now</Trans> : <Trans>Not open for entries</Trans>}
      </p>
      <dl className="facts">
        <dt>
          <Trans>Opens (your time)</Trans>
        </dt>
        <dd>{opens}</dd>
        <dt>
          <Trans>Closes (your time)</Trans>
        </dt>
        <dd>{closes}</dd>
      </dl>
      {zone !== mine && (
        <p className="hint">
          <Trans>
            In the programme&apos;s time zone ({zone}): from {opensThere} to {closesThere}.
          </Trans>
        </p>
      )}
    </section>
  );
}

function Eligibility({ competition }: { competition: Competition }) {
  const { t, i18n } = useLingui();
  const e = competition.eligibility;
  const lines: string[] = [];
  if (e.minAge !== undefined && e.maxAge !== undefined) {
    const min = e.minAge;
    const max = e.maxAge;
    lines.push(t`Ages ${min} to ${max}.`);
  } else if (e.minAge !== undefined) {
    const min = e.minAge;
    lines.push(t`Age ${min} or older.`);
  } else if (e.maxAge !== undefined) {
    const max = e.maxAge;
    lines.push(t`Age ${max} or younger.`);
  }
  if (e.minTeamSize !== undefined || e.maxTeamSize !== undefined) {
    const min = e.minTeamSize ?? 1;
    const max = e.maxTeamSize;
    lines.push(
      max === undefined ? t`Teams of ${min} or more people.` : t`Teams of ${min} to ${max} people.`,
    );
  }
  if (e.requireMixedTeam) {
    lines.push(t`Each team needs at least one member from Korea and one from an ASEAN country.`);
  }
  if (e.countries?.length) {
    const list = e.countries.map((c) => countryName(i18n.locale, c)).join(', ');
    lines.push(t`Open to people living in: ${list}.`);
  }
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="who-h" className="card">
      <h2 id="who-h">
        <Trans>Who can take part</Trans>
      </h2>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </section>
  );
}

function Rubric({ competition }: { competition: Competition }) {
  const { i18n } = useLingui();
  const total = competition.rubric.reduce((s, c) => s + c.weight, 0) || 1;
  return (
    <section aria-labelledby="rubric-h" className="card">
      <h2 id="rubric-h">
        <Trans>How entries are judged</Trans>
      </h2>
      <ul className="rubric">
        {competition.rubric.map((c) => {
          const share = formatNumber(Math.round((c.weight / total) * 100), i18n.locale);
          const min = formatNumber(c.min, i18n.locale);
          const max = formatNumber(c.max, i18n.locale);
          return (
            <li key={c.key}>
              <strong>{c.label}</strong>{' '}
              <span className="hint">
                <Trans>
                  {share}% of the score, marked {min} to {max}
                </Trans>
              </span>
              {c.description && <p>{c.description}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Results({ id }: { id: string }) {
  const { i18n } = useLingui();
  const results = useResults(id);
  if (!results.data) return null;
  return (
    <section aria-labelledby="results-h" className="card">
      <h2 id="results-h">
        <Trans>Results</Trans>
      </h2>
      <ul className="rubric">
        {results.data.awards.map((a) => (
          <li key={`${a.submissionId}-${a.award}`}>
            <strong>{i18n._(AWARD[a.award] ?? msg`Award`)}</strong>: {a.title}{' '}
            <span className="hint">({a.teamName})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TakePart({ competition }: { competition: Competition }) {
  const { t, i18n } = useLingui();
  const signedIn = useSignedIn();
  const location = useLocation();
  const navigate = useNavigate();
  const create = useCreateTeam(competition.id);
  const mine = useMySubmissions();
  const teams = useMyTeams();
  const errors = fieldErrors(i18n, create.error);
  if (!signedIn) {
    return (
      <p>
        <Link className="button" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          <Trans>Sign in to take part</Trans>
        </Link>
      </p>
    );
  }
  const entry = mine.data?.items.find((s) => s.competitionId === competition.id);
  if (entry) {
    return (
      <p>
        <Link className="button" to={`/entries/${entry.id}`}>
          <Trans>Open your team&apos;s entry</Trans>
        </Link>
      </p>
    );
  }
  const team = teams.data?.items.find((tm) => tm.competitionId === competition.id);
  if (team) {
    const name = team.name;
    return (
      <p>
        <Link className="button" to={`/teams/${team.id}`}>
          <Trans>Open your team: {name}</Trans>
        </Link>
      </p>
    );
  }
  const already =
    create.error instanceof ApiError && create.error.problem.code === 'ALREADY_IN_TEAM';
  return (
    <section aria-labelledby="team-h" className="card">
      <h2 id="team-h">
        <Trans>Start a team</Trans>
      </h2>
      <p className="hint">
        <Trans>
          You lead the team and can invite friends by email. Already invited? Open the link in your
          email instead.
        </Trans>
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const { name } = formValues(e.currentTarget);
          create.mutate(name, { onSuccess: (team) => navigate(`/teams/${team.id}`) });
        }}
      >
        {already ? (
          <p className="alert alert-error" role="alert">
            <Trans>
              You are already in a team for this competition. Find it under{' '}
              <Link to="/me/submissions">My entries</Link>.
            </Trans>
          </p>
        ) : (
          <ErrorMessage error={create.error} />
        )}
        <TextField label={t`Team name`} name="name" required maxLength={120} error={errors.name} />
        <button type="submit" className="button" disabled={create.isPending}>
          <Trans>Create the team</Trans>
        </button>
      </form>
    </section>
  );
}

export default function CompetitionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useLingui();
  const competition = useCompetition(id);
  if (competition.isPending) return <Loading />;
  if (!competition.data) {
    return (
      <Page title={t`Competition`}>
        <ErrorMessage error={competition.error} />
      </Page>
    );
  }
  const c = competition.data;
  return (
    <Page title={c.title} wide>
      <p className="badge">{i18n._(KIND[c.kind] ?? KIND.project)}</p>
      {c.description && <p className="prose">{c.description}</p>}
      <Results id={c.id} />
      <Window competition={c} />
      <Eligibility competition={c} />
      <Rubric competition={c} />
      {c.window.isOpen && <TakePart competition={c} />}
    </Page>
  );
}
