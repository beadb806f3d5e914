import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Pager } from '../../app/Pager';
import { mentorAffiliation } from '../mentoring/labels';
import { Confirm } from '../staff/Confirm';
import { RunProgress } from '../staff/RunProgress';
import { formatNumber } from '../staff/When';
import { byTeam, entryName, introduced, ruleFor } from './logic';
import {
  MATCH_PAGE,
  type Match,
  type MentoringRun as Run,
  type RoundDetail,
  type RunStats,
  useAllMatches,
  useMatches,
  usePublish,
  useRound,
  useSetRule,
  useRun,
  useStartRun,
} from './queries';
import '../staff/staff.css';

function ShortTeams({ stats, round }: { stats: RunStats; round?: RoundDetail }) {
  const count = stats.teamsShort;
  return (
    <section className="card stack" aria-labelledby="short-teams">
      <h2 id="short-teams">
        <Trans>Teams short of mentors: {count}</Trans>
      </h2>
      {stats.short.length > 0 && (
        <ul className="plain-list">
          {stats.short.map((s) => {
            const { got, wanted, conflicted, forbidden } = s;
            return (
              <li key={s.submissionId} className="stack list-row">
                <span>
                  <strong>{entryName(round, s.submissionId)}</strong>{' '}
                  <Trans>
                    {got} of {wanted} mentors
                  </Trans>
                </span>
                <span>
                  {s.reasonText}
                  {(conflicted > 0 || forbidden > 0) && (
                    <span className="meta">
                      {' '}
                      <Trans>
                        ({conflicted} mentors ruled out by an institution, {forbidden} forbidden)
                      </Trans>
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function PairActions({ match, roundId, rule }: { match: Match; roundId: string; rule?: string }) {
  const set = useSetRule(roundId);
  const mentor = match.mentor.displayName;
  const team = match.teamName;
  const now = set.isSuccess ? set.variables?.type : rule;
  if (match.pinned || now === 'pin') {
    return (
      <span role="status" className="badge badge-ok">
        <Trans>Pinned</Trans>
      </span>
    );
  }
  if (now === 'forbid') {
    return (
      <span role="status" className="badge badge-no">
        <Trans>Forbidden for the next run</Trans>
      </span>
    );
  }
  const decide = (type: 'pin' | 'forbid') =>
    set.mutate({ submissionId: match.submissionId, mentorId: match.mentor.userId, type });
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        disabled={set.isPending}
        onClick={() => decide('pin')}
      >
        <Trans>
          Pin {mentor} to {team}
        </Trans>
      </button>
      <button
        type="button"
        className="button-danger"
        disabled={set.isPending}
        onClick={() => decide('forbid')}
      >
        <Trans>
          Forbid {mentor} for {team}
        </Trans>
      </button>
      <ErrorMessage error={set.error} />
    </>
  );
}

function Pairs({ run, round }: { run: Run; round?: RoundDetail }) {
  const { t, i18n } = useLingui();
  const [page, setPage] = useState(1);
  const matches = useMatches(run.id, page, true);
  const total = matches.data?.total ?? run.stats?.pairs ?? 0;
  const pages = Math.max(1, Math.ceil(total / MATCH_PAGE));
  const published = !!run.publishedAt;
  return (
    <section className="card stack" aria-labelledby="pairs">
      <h2 id="pairs">
        <Trans>Pairs: {total}</Trans>
      </h2>
      <ErrorMessage error={matches.error} />
      {matches.isPending && <Loading />}
      {/* A scrolling region is focusable so that keyboard users can scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pairs">
        <table className="compare pairs">
          <thead>
            <tr>
              <th scope="col">
                <Trans>Team</Trans>
              </th>
              <th scope="col">
                <Trans>Mentor</Trans>
              </th>
              <th scope="col">
                <Trans>Why</Trans>
              </th>
            </tr>
          </thead>
          {byTeam(matches.data?.items ?? []).map((team) => (
            <tbody key={team.submissionId}>
              {team.matches.map((m, i) => (
                <tr key={m.id}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={team.matches.length}>
                      {entryName(round, m.submissionId)}
                    </th>
                  )}
                  <td>
                    <strong>{m.mentor.displayName}</strong>
                    <br />
                    <span className="meta">{mentorAffiliation(i18n, m.mentor)}</span>
                    <br />
                    <span className="meta">
                      <Trans>Score: {formatNumber(i18n.locale, m.score, 0)}</Trans>
                    </span>
                  </td>
                  {/* Reasons and actions in one column: five columns were wider than a phone. */}
                  <td>
                    <ul className="reasons">
                      {m.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                    {!published && (
                      <div className="row-actions">
                        <PairActions
                          match={m}
                          roundId={run.roundId}
                          rule={ruleFor(round, m.submissionId, m.mentor.userId)}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {pages > 1 && <Pager label={t`Pages of pairs`} page={page} pages={pages} onPage={setPage} />}
    </section>
  );
}

function Publish({ run }: { run: Run }) {
  const publish = usePublish(run.id);
  // Whom publishing introduces: every pair of the run, read only once the box opens.
  const [asking, setAsking] = useState(false);
  const all = useAllMatches(run.id, asking);
  if (publish.data) {
    const told = publish.data.introductions;
    const started = publish.data.mentorships;
    return (
      <Notice>
        <Trans>
          Published: {started} mentorships start. {told} people are getting their introduction.
        </Trans>
      </Notice>
    );
  }
  if (run.publishedAt) {
    return (
      <p className="badge badge-ok">
        <Trans>Published</Trans>
      </p>
    );
  }
  const who = all.data ? introduced(all.data) : null;
  const teams = who?.teams ?? 0;
  const mentors = who?.mentors ?? 0;
  return (
    <Confirm
      label={<Trans>Publish these mentorships</Trans>}
      title={<Trans>Publish these mentorships?</Trans>}
      yes={<Trans>Yes, publish and introduce them</Trans>}
      pending={publish.isPending}
      error={publish.error}
      disabled={run.status !== 'succeeded'}
      onYes={() => publish.mutate()}
      onAsk={() => setAsking(true)}
    >
      <ErrorMessage error={all.error} />
      {who ? (
        <p>
          <Trans>
            {mentors} mentors and every member of {teams} teams will be told, by email and in Kenal,
            in their own language: who the others are and what to do first. This cannot be undone.
          </Trans>
        </p>
      ) : (
        <Loading />
      )}
    </Confirm>
  );
}

function Report({ run }: { run: Run }) {
  const { i18n } = useLingui();
  const stats = run.stats!;
  const round = useRound(run.roundId);
  const start = useStartRun(run.roundId);
  const navigate = useNavigate();
  const { pairs, teams, teamsFull, mixedTeams, pinnedPairs } = stats;
  const mean = formatNumber(i18n.locale, stats.meanScore, 0);
  return (
    <div className="stack">
      <p className="lead">
        <Trans>
          {pairs} pairs ({pinnedPairs} pinned). {teamsFull} of {teams} teams have all their mentors;{' '}
          {mixedTeams} teams have mentors from different sectors. Mean score {mean}.
        </Trans>
      </p>
      {stats.warnings.length > 0 && (
        <ul className="alert alert-error">
          {stats.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <Publish run={run} />
      <ShortTeams stats={stats} round={round.data} />
      <Pairs run={run} round={round.data} />
      {!run.publishedAt && (
        <section className="card stack" aria-labelledby="again">
          <h2 id="again">
            <Trans>Run again</Trans>
          </h2>
          <p>
            <Trans>Pins and forbids you set above are used by the next run.</Trans>
          </p>
          <ErrorMessage error={start.error} />
          <div>
            <button
              type="button"
              className="button-secondary"
              disabled={start.isPending}
              onClick={() =>
                start.mutate(undefined, {
                  onSuccess: (next) => navigate(`/coordinate/mentoring/runs/${next.id}`),
                })
              }
            >
              <Trans>Run the matching again</Trans>
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

export default function MentoringRun() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const run = useRun(id);
  const title = t`Mentor matching`;
  if (run.isPending) return <Loading />;
  if (run.isError)
    return (
      <Page title={title}>
        <ErrorMessage error={run.error} />
      </Page>
    );
  const r = run.data;
  return (
    <Page title={title} wide>
      <div className="stack">
        <p>
          <Link to={`/coordinate/mentoring/rounds/${r.roundId}`}>
            <Trans>Back to the round</Trans>
          </Link>
        </p>
        <RunProgress status={r.status} progress={r.progress} />
        {r.status === 'succeeded' && r.stats && <Report run={r} />}
      </div>
    </Page>
  );
}
