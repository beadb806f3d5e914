import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { displayNames } from '../profile/reference';
import { RunStatus } from '../staff/RunProgress';
import { formatMoment } from '../staff/When';
import { TeamSource } from './CompetitionMentoring';
import { PairRules } from './PairRules';
import { type RoundDetail, useRound, useRuns, useStartRun } from './queries';
import { RoundMentors } from './RoundMentors';
import '../staff/staff.css';

function Teams({ round }: { round: RoundDetail }) {
  const { t, i18n } = useLingui();
  const names = displayNames(i18n);
  const count = round.teamEntries.length;
  return (
    <section className="card stack" aria-labelledby="round-teams">
      <h2 id="round-teams">
        <Trans>Teams: {count}</Trans>
      </h2>
      {count === 0 ? (
        <p>
          {round.teams.type === 'awarded' ? (
            <Trans>No awarded team yet: the competition&apos;s results are not published.</Trans>
          ) : (
            <Trans>The shortlist is empty.</Trans>
          )}
        </p>
      ) : (
        <ul className="plain-list">
          {round.teamEntries.map((e) => (
            <li key={e.submissionId} className="list-row">
              <span>
                <strong>{e.teamName}</strong> · {e.projectTitle}
              </span>
              <span className="meta">
                {[
                  ...e.sdgs.map((n) => t`Goal ${n}`),
                  ...e.targetCountries.map((c) => names.country(c)),
                ].join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Runs({ round }: { round: RoundDetail }) {
  const { i18n } = useLingui();
  const runs = useRuns(round.id);
  const start = useStartRun(round.id);
  const navigate = useNavigate();
  const ready = round.mentors.length > 0 && round.teamEntries.length > 0;
  return (
    <section className="card stack" aria-labelledby="round-runs">
      <h2 id="round-runs">
        <Trans>Matching runs</Trans>
      </h2>
      {!ready && (
        <p className="hint">
          <Trans>The matching needs teams and at least one mentor.</Trans>
        </p>
      )}
      <ErrorMessage error={start.error} />
      <div>
        <button
          type="button"
          className="button"
          disabled={start.isPending || !ready}
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (run) => navigate(`/coordinate/mentoring/runs/${run.id}`),
            })
          }
        >
          <Trans>Run the matching</Trans>
        </button>
      </div>
      {runs.isError && <ErrorMessage error={runs.error} />}
      {runs.data && runs.data.items.length > 0 && (
        <ul className="plain-list">
          {runs.data.items.map((run) => (
            <li key={run.id} className="list-row">
              <Link to={`/coordinate/mentoring/runs/${run.id}`}>
                {formatMoment(i18n.locale, run.createdAt)}
              </Link>
              <span className={run.publishedAt ? 'badge badge-ok' : 'badge'}>
                {run.publishedAt ? <Trans>Published</Trans> : <RunStatus status={run.status} />}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function MentoringRound() {
  const { id = '' } = useParams();
  const { t, i18n } = useLingui();
  const round = useRound(id);
  if (round.isPending) return <Loading />;
  if (round.isError)
    return (
      <Page title={t`Mentoring round`}>
        <ErrorMessage error={round.error} />
      </Page>
    );
  const r = round.data;
  return (
    <Page title={r.name} wide>
      <div className="stack">
        <p>
          <Link to={`/coordinate/mentoring/competitions/${r.competitionId}`}>
            <Trans>Back to the competition’s mentoring</Trans>
          </Link>
        </p>
        <dl className="entry-fields">
          <div>
            <dt>
              <Trans>Teams</Trans>
            </dt>
            <dd>
              <TeamSource round={r} />
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Mentors per team</Trans>
            </dt>
            <dd>{r.mentorsPerTeam}</dd>
          </div>
          <div>
            <dt>
              <Trans>Mentoring runs from</Trans>
            </dt>
            <dd>
              {formatMoment(i18n.locale, r.startsAt)} – {formatMoment(i18n.locale, r.endsAt)}
            </dd>
          </div>
        </dl>
        {r.mentorshipCount > 0 && (
          <p>
            <Link className="button" to={`/coordinate/mentoring/rounds/${r.id}/report`}>
              <Trans>Round report: check-ins and last activity of each mentorship</Trans>
            </Link>
          </p>
        )}
        <Teams round={r} />
        <RoundMentors round={r} />
        <PairRules round={r} />
        <Runs round={r} />
      </div>
    </Page>
  );
}
