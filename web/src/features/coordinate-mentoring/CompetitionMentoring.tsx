import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, SelectField, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { fromLocalInput, toLocalInput } from '../coordinate/countries';
import {
  type StaffCompetition,
  useRounds as useJudgingRounds,
  useStaffCompetition,
} from '../coordinate-judging/queries';
import { formatMoment } from '../staff/When';
import { type MentoringRound, useCreateRound, useRounds } from './queries';
import '../staff/staff.css';

const inDays = (days: number) =>
  toLocalInput(new Date(Date.now() + days * 86400_000).toISOString());

export function TeamSource({ round }: { round: Pick<MentoringRound, 'teams'> }) {
  return round.teams.type === 'awarded' ? (
    <Trans>The awarded teams</Trans>
  ) : (
    <Trans>The shortlist of a judging round</Trans>
  );
}

function NewRound({ competition }: { competition: StaffCompetition }) {
  const { t, i18n } = useLingui();
  const create = useCreateRound(competition.id);
  const judging = useJudgingRounds(competition.id);
  const navigate = useNavigate();
  const errors = fieldErrors(i18n, create.error);
  const [starts, setStarts] = useState(() => inDays(1));
  const [ends, setEnds] = useState(() => inDays(120));
  return (
    <details className="card">
      <summary>
        <Trans>New mentoring round</Trans>
      </summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          create.mutate(
            {
              name: v.name,
              teams:
                v.source === 'awarded'
                  ? { type: 'awarded' }
                  : { type: 'shortlist', roundId: v.source },
              mentorsPerTeam: Number(v.per),
              startsAt: fromLocalInput(starts),
              endsAt: fromLocalInput(ends),
            },
            { onSuccess: (r) => navigate(`/coordinate/mentoring/rounds/${r.id}`) },
          );
        }}
      >
        <ErrorMessage error={create.error} />
        <TextField label={t`Round name`} name="name" required maxLength={120} error={errors.name} />
        <SelectField
          label={t`Teams to mentor`}
          name="source"
          defaultValue="awarded"
          error={errors['teams.roundId'] ?? errors.teams}
        >
          <option value="awarded">{t`The awarded teams (published results)`}</option>
          {(judging.data?.items ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {t`The shortlist of ${r.name} (${r.shortlist.length} entries)`}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t`Mentors per team`}
          hint={t`From 1 to 3. Two mentors from different sectors give a team the most.`}
          name="per"
          type="number"
          min={1}
          max={3}
          defaultValue={2}
          required
          error={errors.mentorsPerTeam}
        />
        <TextField
          label={t`Mentoring starts (your time)`}
          type="datetime-local"
          required
          value={starts}
          onChange={(e) => setStarts(e.target.value)}
          error={errors.startsAt}
        />
        <TextField
          label={t`Mentoring ends (your time)`}
          type="datetime-local"
          required
          value={ends}
          onChange={(e) => setEnds(e.target.value)}
          error={errors.endsAt}
        />
        <div>
          <button type="submit" className="button" disabled={create.isPending}>
            <Trans>Create the round</Trans>
          </button>
        </div>
      </form>
    </details>
  );
}

function Rounds({ competitionId }: { competitionId: string }) {
  const { i18n } = useLingui();
  const rounds = useRounds(competitionId);
  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <ErrorMessage error={rounds.error} />;
  const items = rounds.data.items;
  if (items.length === 0) {
    return (
      <p>
        <Trans>
          No mentoring round yet. Open one once the results are published (or from a judging
          round&apos;s shortlist), then add mentors and run the matching.
        </Trans>
      </p>
    );
  }
  return (
    <ul className="plain-list">
      {items.map((r) => {
        const { teamCount, mentorCount, mentorshipCount } = r;
        const starts = formatMoment(i18n.locale, r.startsAt);
        return (
          <li key={r.id} className="list-row">
            <Link to={`/coordinate/mentoring/rounds/${r.id}`}>{r.name}</Link>
            <span className="meta">
              <TeamSource round={r} /> ·{' '}
              <Trans>
                {teamCount} teams, {mentorCount} mentors, {mentorshipCount} mentorships · from{' '}
                {starts}
              </Trans>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export default function CompetitionMentoring() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const competition = useStaffCompetition(id);
  const c = competition.data;
  const competitionTitle = c?.title ?? '';
  const title = c ? t`Mentoring: ${competitionTitle}` : t`Mentoring`;
  return (
    <Page title={title}>
      <div className="stack">
        <p>
          <Link to="/coordinate">
            <Trans>Back to programmes</Trans>
          </Link>
        </p>
        {competition.isPending ? (
          <Loading />
        ) : competition.isError ? (
          <ErrorMessage error={competition.error} />
        ) : !c ? (
          <p>
            <Trans>This competition is not one of your programmes’.</Trans>
          </p>
        ) : (
          <>
            <p className="lead">
              <Trans>
                Winning project teams meet mentors from universities, governments, international
                organisations, civil society and industry. The matching favours shared goals,
                topics, countries and languages, and never pairs a mentor with a team member from
                their own institution.
              </Trans>
            </p>
            <section className="card stack" aria-labelledby="mentoring-rounds">
              <h2 id="mentoring-rounds">
                <Trans>Mentoring rounds</Trans>
              </h2>
              <Rounds competitionId={c.id} />
              <NewRound competition={c} />
            </section>
          </>
        )}
      </div>
    </Page>
  );
}
