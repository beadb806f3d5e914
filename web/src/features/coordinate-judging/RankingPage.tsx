import { Trans, useLingui } from '@lingui/react/macro';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, Notice, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Confirm } from '../staff/Confirm';
import { formatNumber } from '../staff/When';
import {
  type JudgingRound,
  type RankingRow,
  usePublishResults,
  useRanking,
  useRecordResults,
  useResults,
  useResultsPreview,
  useRound,
  useShortlist,
  useStaffCompetition,
} from './queries';
import { AWARDS } from '../competitions/awards';
import { RoundStatusBadge, useAwardLabel } from './shared';
import '../staff/staff.css';
import './judging-admin.css';

/** Why a row stands ahead of the next one, in words (the API names the rule). */
function WhyAhead({ row, next }: { row: RankingRow; next?: RankingRow }) {
  if (!next) return null;
  const n = next.rank;
  if (row.score === null) {
    return <Trans>Neither has a final score yet; this one was submitted earlier.</Trans>;
  }
  if (next.score === null) {
    return <Trans>Ahead of #{n}, which has no final score yet.</Trans>;
  }
  switch (row.tieBreak) {
    case 'median_judge_total':
      return (
        <Trans>
          Same score as #{n}; ahead because the middle value of its judges’ scores is higher.
        </Trans>
      );
    case 'first_quartile_ranks':
      return (
        <Trans>
          Same score and middle value as #{n}; ahead because more of its judges put it in the top
          quarter of their entries.
        </Trans>
      );
    case 'earliest_submission':
      return <Trans>Tied with #{n} on every score; ahead because it was submitted earlier.</Trans>;
    case 'submission_id':
      return (
        <Trans>
          Tied with #{n} on everything, even the time of submission; the order between them is fixed
          but arbitrary.
        </Trans>
      );
    default:
      return <Trans>Higher score than #{n}.</Trans>;
  }
}

function Ranking({
  round,
  rows,
  picked,
  setPicked,
}: {
  round: JudgingRound;
  rows: RankingRow[];
  picked: Set<string>;
  setPicked: (s: Set<string>) => void;
}) {
  const { t, i18n } = useLingui();
  const fmt = (v: number | null) => (v === null ? '–' : formatNumber(i18n.locale, v, 2));
  const shortlisted = new Set(round.shortlist);
  return (
    <section className="card stack" aria-labelledby="ranking">
      <h2 id="ranking">
        <Trans>Ranking</Trans>
      </h2>
      <p className="hint">
        <Trans>Under each entry: what put it ahead of the next one.</Trans>{' '}
        <Trans>
          Score: each judge’s totals are first put on a common scale, so a strict judge and a
          generous judge weigh the same, then averaged. Raw mean: the plain average of the judges’
          totals. Only final scores count.
        </Trans>
      </p>
      {rows.length === 0 ? (
        <p>
          <Trans>No entries in this round.</Trans>
        </p>
      ) : (
        // A scrolling region is focusable so keyboard users can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="ranking">
          <table className="compare ranking">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">
                  <Trans>Entry</Trans>
                </th>
                <th scope="col">
                  <Trans>Score</Trans>
                </th>
                <th scope="col">
                  <Trans>Raw mean</Trans>
                </th>
                <th scope="col">
                  <Trans>Judges</Trans>
                </th>
                <th scope="col">
                  <Trans>Pick</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <Fragment key={r.submissionId}>
                  <tr className={rows[i + 1] ? 'has-why' : undefined}>
                    <td>{r.rank}</td>
                    <th scope="row">
                      {r.title}
                      {shortlisted.has(r.submissionId) && (
                        <>
                          {' '}
                          <span className="badge badge-ok">
                            <Trans>Shortlisted</Trans>
                          </span>
                        </>
                      )}
                    </th>
                    <td>{fmt(r.score)}</td>
                    <td>{fmt(r.rawMean)}</td>
                    <td>{r.judgeCount}</td>
                    <td>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={picked.has(r.submissionId)}
                          onChange={(e) => {
                            const next = new Set(picked);
                            if (e.target.checked) next.add(r.submissionId);
                            else next.delete(r.submissionId);
                            setPicked(next);
                          }}
                        />
                        <span className="visually-hidden">{t`Pick ${r.title}`}</span>
                      </label>
                    </td>
                  </tr>
                  {rows[i + 1] && (
                    <tr className="why-row">
                      <td />
                      <td colSpan={5}>
                        <WhyAhead row={r} next={rows[i + 1]} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Shortlist({ round, picked }: { round: JudgingRound; picked: Set<string> }) {
  const { t, i18n } = useLingui();
  const shortlist = useShortlist(round.id);
  const [top, setTop] = useState('3');
  const errors = fieldErrors(i18n, shortlist.error);
  const count = picked.size;
  return (
    <section className="card stack" aria-labelledby="shortlist">
      <h2 id="shortlist">
        <Trans>Shortlist for a next round</Trans>
      </h2>
      <p className="hint">
        <Trans>
          Shortlisted entries can be judged again in a new round (choose this round’s shortlist when
          you create it). Nobody is told now.
        </Trans>
      </p>
      <ErrorMessage error={shortlist.error} />
      {shortlist.isSuccess && (
        <Notice>
          <Trans>{shortlist.data.shortlist.length} entries are on the shortlist.</Trans>{' '}
          <Link to={`/coordinate/judging/competitions/${round.competitionId}`}>
            <Trans>Create the next round</Trans>
          </Link>
        </Notice>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          shortlist.mutate({ top: Number(top) });
        }}
      >
        <TextField
          label={t`How many from the top`}
          type="number"
          min={1}
          value={top}
          onChange={(e) => setTop(e.target.value)}
          error={errors.top}
        />
        <button type="submit" className="button" disabled={shortlist.isPending}>
          <Trans>Shortlist the top {top}</Trans>
        </button>
      </form>
      <div>
        <button
          type="button"
          className="button-secondary"
          disabled={shortlist.isPending || count === 0}
          onClick={() => shortlist.mutate({ submissionIds: [...picked] })}
        >
          <Trans>Shortlist the {count} picked entries</Trans>
        </button>
      </div>
    </section>
  );
}

/** Mounted when the confirmation opens: the figures are those of that moment. */
function ResultsAudience({ competitionId, awards }: { competitionId: string; awards: number }) {
  const preview = useResultsPreview(competitionId);
  if (preview.isPending) return <Loading />;
  if (preview.isError) return <ErrorMessage error={preview.error} />;
  const { people, entries } = preview.data;
  return (
    <p>
      <Trans>
        The {awards} awards appear on the public competition page, under the names the teams chose
        for publication. {people} people, the members of the {entries} teams with an entry still in
        the competition, are told by email and in Kenal. Judges can no longer open entries. This
        cannot be undone.
      </Trans>
    </p>
  );
}

function Awards({ competitionId, rows }: { competitionId: string; rows: RankingRow[] }) {
  const { t } = useLingui();
  const awardLabel = useAwardLabel();
  const results = useResults(competitionId);
  const record = useRecordResults(competitionId);
  const publish = usePublishResults(competitionId);
  const [choice, setChoice] = useState<Record<string, string>>({});
  if (results.isPending) return <Loading />;
  if (results.isError) return <ErrorMessage error={results.error} />;
  const recorded = results.data;
  const current = new Map(recorded?.awards.map((a) => [a.submissionId, a.award]) ?? []);
  const published = Boolean(recorded?.publishedAt);
  const chosen = rows
    .map((r) => ({
      submissionId: r.submissionId,
      award: choice[r.submissionId] ?? current.get(r.submissionId) ?? '',
    }))
    .filter((a) => a.award !== '');
  return (
    <section className="card stack" aria-labelledby="awards">
      <h2 id="awards">
        <Trans>Awards and results</Trans>
      </h2>
      {published ? (
        <p>
          <span className="badge badge-ok">
            <Trans>Published</Trans>
          </span>{' '}
          <Link to={`/competitions/${competitionId}`}>
            <Trans>See them on the public competition page</Trans>
          </Link>
        </p>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate({
              awards: chosen.map((a) => ({ ...a, award: a.award as (typeof AWARDS)[number] })),
            });
          }}
        >
          <ErrorMessage error={record.error} />
          <ul className="plain-list">
            {rows.map((r) => (
              <li key={r.submissionId} className="list-row">
                <label htmlFor={`award-${r.submissionId}`}>
                  #{r.rank} {r.title}
                </label>
                <select
                  id={`award-${r.submissionId}`}
                  value={choice[r.submissionId] ?? current.get(r.submissionId) ?? ''}
                  onChange={(e) => setChoice({ ...choice, [r.submissionId]: e.target.value })}
                >
                  <option value="">{t`No award`}</option>
                  {AWARDS.map((a) => (
                    <option key={a} value={a}>
                      {awardLabel(a)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <div>
            <button
              type="submit"
              className="button-secondary"
              disabled={record.isPending || chosen.length === 0}
            >
              <Trans>Record these awards</Trans>
            </button>
          </div>
          {record.isSuccess && (
            <Notice>
              <Trans>Recorded. Nobody sees them until you publish.</Trans>
            </Notice>
          )}
        </form>
      )}
      {recorded && recorded.awards.length > 0 && (
        <ul className="plain-list">
          {recorded.awards.map((a) => (
            <li key={a.submissionId} className="list-row">
              <span>
                <strong>{awardLabel(a.award)}</strong>: {a.title}{' '}
                <span className="meta">({a.teamName})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {recorded && !published && (
        <Confirm
          label={<Trans>Publish the results</Trans>}
          title={<Trans>Publish the results?</Trans>}
          yes={<Trans>Yes, publish and tell everyone</Trans>}
          pending={publish.isPending}
          error={publish.error}
          onYes={(done) => publish.mutate(undefined, { onSuccess: done })}
        >
          <ResultsAudience competitionId={competitionId} awards={recorded.awards.length} />
        </Confirm>
      )}
    </section>
  );
}

export default function RankingPage() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const round = useRound(id);
  const ranking = useRanking(id);
  const competition = useStaffCompetition(round.data?.competitionId);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  if (round.isPending || ranking.isPending) return <Loading />;
  const failed = round.error ?? ranking.error;
  if (failed || !round.data || !ranking.data)
    return (
      <Page title={t`Ranking`}>
        <ErrorMessage error={failed} />
      </Page>
    );
  const r = round.data;
  const rows = ranking.data;
  return (
    <Page title={t`Ranking: ${r.name}`} wide>
      <div className="stack">
        <p>
          <Link to={`/coordinate/judging/rounds/${r.id}`}>
            <Trans>Back to the round</Trans>
          </Link>
          {competition.data && (
            <>
              {' · '}
              <span className="meta">{competition.data.title}</span>
            </>
          )}
        </p>
        <p>
          <RoundStatusBadge status={r.status} />
        </p>
        {r.status === 'open' && (
          <p className="hint">
            <Trans>The round is still open: the ranking can change as judges finish.</Trans>
          </p>
        )}
        <Ranking round={r} rows={rows} picked={picked} setPicked={setPicked} />
        <Shortlist round={r} picked={picked} />
        <Awards competitionId={r.competitionId} rows={rows} />
      </div>
    </Page>
  );
}
