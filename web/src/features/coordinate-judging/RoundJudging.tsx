import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, Notice, SelectField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Confirm } from '../staff/Confirm';
import { RunStatus } from '../staff/RunProgress';
import { Deadline } from '../staff/When';
import {
  type JudgingRound,
  type RoundAssignment,
  useManualAssignment,
  usePool,
  useProgress,
  useRemind,
  useRemoveAssignment,
  useRound,
  useRoundAssignments,
  useStaffCompetition,
  useStartAssignment,
  useUpdateJudgingRound,
} from './queries';
import { RoundStatusBadge, UnassignedCause } from './shared';
import '../staff/staff.css';
import './judging-admin.css';

const runKey = (r: JudgingRound) => `${r.assignment.jobId}:${r.assignment.status}`;

function Assignment({ round }: { round: JudgingRound }) {
  const { t } = useLingui();
  const start = useStartAssignment(round.id);
  const a = round.assignment;
  const busy = a.status === 'queued' || a.status === 'running';
  return (
    <section className="card stack" aria-labelledby="assign">
      <h2 id="assign">
        <Trans>Assignment</Trans>
      </h2>
      <p role="status">
        {a.status === 'none' ? (
          <Trans>Not run yet.</Trans>
        ) : (
          <>
            <span className="badge">
              <RunStatus status={a.status} />
            </span>
            {a.status === 'succeeded' && a.added !== undefined && (
              <>
                {' '}
                <Trans>{a.added} assignments added.</Trans>
              </>
            )}
          </>
        )}
      </p>
      {busy && <progress aria-label={t`Assigning judges`} />}
      {round.status !== 'closed' && (
        <Confirm
          label={
            a.status === 'none' ? (
              <Trans>Run the assignment</Trans>
            ) : (
              <Trans>Run the assignment again</Trans>
            )
          }
          title={<Trans>Run the assignment?</Trans>}
          yes={<Trans>Yes, assign judges</Trans>}
          disabled={busy}
          pending={start.isPending}
          error={start.error}
          onYes={(done) => start.mutate(undefined, { onSuccess: done })}
        >
          <p>
            <Trans>
              Each entry gets {round.judgesPerEntry} judges without a conflict, spreading the work
              evenly. Assignments and scores already there are kept. Each judge who gets new entries
              is told by email and in Kenal.
            </Trans>
          </p>
        </Confirm>
      )}
    </section>
  );
}

function Review({ round }: { round: JudgingRound }) {
  const { t, i18n } = useLingui();
  const list = useRoundAssignments(round.id, runKey(round));
  const progress = useProgress(round.id, runKey(round));
  const pool = usePool(round.competitionId);
  const add = useManualAssignment(round.id);
  const remove = useRemoveAssignment();
  const [filter, setFilter] = useState('');
  const errors = fieldErrors(i18n, add.error);
  if (list.isPending || progress.isPending || pool.isPending) return <Loading />;
  const failed = list.error ?? progress.error ?? pool.error;
  if (failed) return <ErrorMessage error={failed} />;
  const items = list.data!.items;
  const entries = progress.data!.entries;
  const judges = pool.data!.items;
  const names = new Map(judges.map((j) => [j.userId, j.displayName]));
  const titles = new Map(entries.map((e) => [e.submissionId, e.title]));
  // Live from the assignments (so hand-made changes show), every judge in the pool included.
  const counts = new Map(judges.map((j) => [j.userId, 0]));
  for (const a of items) counts.set(a.judgeId, (counts.get(a.judgeId) ?? 0) + 1);
  for (const a of items) if (!names.has(a.judgeId)) names.set(a.judgeId, a.judgeName);
  const load = [...counts].map(([judgeId, n]) => ({ judgeId, load: n }));
  const maxLoad = Math.max(1, ...load.map((l) => l.load));
  const byEntry = new Map<string, RoundAssignment[]>();
  for (const a of items) byEntry.set(a.submissionId, [...(byEntry.get(a.submissionId) ?? []), a]);
  const shown = entries.filter(
    (e) =>
      !filter ||
      e.title.toLowerCase().includes(filter.toLowerCase()) ||
      (byEntry.get(e.submissionId) ?? []).some(
        (a) =>
          a.teamName.toLowerCase().includes(filter.toLowerCase()) ||
          a.judgeName.toLowerCase().includes(filter.toLowerCase()),
      ),
  );
  const closed = round.status === 'closed';
  return (
    <>
      <section className="card stack" aria-labelledby="load">
        <h2 id="load">
          <Trans>Load per judge</Trans>
        </h2>
        {items.length === 0 ? (
          <p>
            <Trans>No entry is assigned yet.</Trans>
          </p>
        ) : (
          <table className="chart">
            <caption className="visually-hidden">
              <Trans>Entries per judge</Trans>
            </caption>
            <tbody>
              {load.map((l) => (
                <tr key={l.judgeId}>
                  <th scope="row">{names.get(l.judgeId)}</th>
                  <td>
                    <span className="chart-track" aria-hidden="true">
                      <span
                        className="chart-bar"
                        style={{ width: `${(100 * l.load) / maxLoad}%` }}
                      />
                    </span>
                    <span className="chart-value">{l.load}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card stack" aria-labelledby="unassigned">
        <h2 id="unassigned">
          <Trans>Entries short of judges: {round.assignment.unassigned.length}</Trans>
        </h2>
        {round.assignment.unassigned.length === 0 ? (
          <p>
            <Trans>Every entry has all its judges.</Trans>
          </p>
        ) : (
          <ul className="plain-list">
            {round.assignment.unassigned.map((u) => (
              <li key={u.entryId} className="list-row">
                <span>
                  <strong>{titles.get(u.entryId) ?? u.entryId}</strong>:{' '}
                  <Trans>
                    {u.assigned} of {u.needed} judges.
                  </Trans>{' '}
                  <UnassignedCause cause={u.cause} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="by-entry">
        <h2 id="by-entry">
          <Trans>Judges per entry</Trans>
        </h2>
        <p className="hint">
          <Trans>
            You see team names here even in a blind round; the judges never do. A judge you add or
            take away by hand is told by email when they get an entry.
          </Trans>
        </p>
        <ErrorMessage error={remove.error} />
        <div className="field">
          <label htmlFor="filter">
            <Trans>Find an entry, team or judge</Trans>
          </label>
          <input
            id="filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <ul className="plain-list">
          {shown.map((e) => {
            const list = byEntry.get(e.submissionId) ?? [];
            const team = list[0]?.teamName;
            return (
              <li key={e.submissionId} className="entry-row stack">
                <p>
                  <strong>{e.title}</strong>
                  {team && <span className="meta"> · {team}</span>}{' '}
                  <span className={list.length < e.needed ? 'badge badge-wait' : 'badge badge-ok'}>
                    <Trans>
                      {list.length} of {e.needed} judges
                    </Trans>
                  </span>
                </p>
                <ul className="plain-list">
                  {list.map((a) => (
                    <li key={a.id} className="list-row">
                      <span>
                        {a.judgeName}{' '}
                        <span className="meta">
                          {a.scoreState === 'final' ? (
                            <Trans>final score</Trans>
                          ) : a.scoreState === 'draft' ? (
                            <Trans>draft score</Trans>
                          ) : (
                            <Trans>not started</Trans>
                          )}
                          {a.origin === 'manual' && (
                            <>
                              {' · '}
                              <Trans>added by hand</Trans>
                            </>
                          )}
                        </span>
                      </span>
                      {!closed && a.scoreState !== 'final' && (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(a.id)}
                        >
                          <Trans>
                            Take {e.title} from {a.judgeName}
                          </Trans>
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
        {!closed && (
          <form
            className="stack"
            onSubmit={(ev) => {
              ev.preventDefault();
              const data = new FormData(ev.currentTarget);
              add.mutate({
                submissionId: String(data.get('submissionId')),
                judgeId: String(data.get('judgeId')),
              });
            }}
          >
            <h3>
              <Trans>Give an entry to a judge by hand</Trans>
            </h3>
            <ErrorMessage error={add.error} />
            {add.isSuccess && (
              <Notice>
                <Trans>Done: the judge is told by email.</Trans>
              </Notice>
            )}
            <div className="row">
              <SelectField
                label={t`Entry`}
                name="submissionId"
                required
                error={errors.submissionId}
              >
                {entries.map((e) => (
                  <option key={e.submissionId} value={e.submissionId}>
                    {e.title}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t`Judge`} name="judgeId" required error={errors.judgeId}>
                {judges.map((j) => (
                  <option key={j.userId} value={j.userId}>
                    {j.displayName}
                  </option>
                ))}
              </SelectField>
            </div>
            <div>
              <button type="submit" className="button" disabled={add.isPending}>
                <Trans>Give the entry to this judge</Trans>
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}

function Progress({ round }: { round: JudgingRound }) {
  const progress = useProgress(round.id, runKey(round));
  const remind = useRemind(round.id);
  if (progress.isPending) return <Loading />;
  if (progress.isError) return <ErrorMessage error={progress.error} />;
  const { judges, entries } = progress.data;
  const behind = judges.filter((j) => j.final < j.assigned);
  const open = round.status === 'open';
  return (
    <section className="card stack" aria-labelledby="progress">
      <h2 id="progress">
        <Trans>Progress</Trans>
      </h2>
      {remind.isSuccess && (
        <Notice>
          <Trans>{remind.data.reminded} judges reminded by email.</Trans>
        </Notice>
      )}
      <ErrorMessage error={remind.error} />
      {open && behind.length > 0 && (
        <Confirm
          label={<Trans>Remind every judge who has not finished</Trans>}
          title={<Trans>Remind these judges now?</Trans>}
          yes={<Trans>Yes, send the reminders</Trans>}
          pending={remind.isPending}
          onYes={(done) => remind.mutate(undefined, { onSuccess: done })}
        >
          <p>
            <Trans>
              An email goes to each judge who has entries without a final score and can score now
              (not those on hold for a declared conflict):
            </Trans>{' '}
            {behind.map((j) => j.displayName).join(', ')}
          </p>
        </Confirm>
      )}
      <h3 id="per-judge">
        <Trans>Per judge</Trans>
      </h3>
      <ul className="plain-list" aria-labelledby="per-judge">
        {judges.map((j) => (
          <li key={j.judgeId} className="list-row">
            <span className="judge-progress">
              <strong>{j.displayName}</strong>
              <span>
                <Trans>
                  {j.final} of {j.assigned} final, {j.drafted} drafts
                </Trans>
              </span>
            </span>
            {open && j.final < j.assigned && (
              <button
                type="button"
                className="button-secondary"
                disabled={remind.isPending}
                onClick={() => remind.mutate([j.judgeId])}
              >
                <Trans>Remind {j.displayName} now</Trans>
              </button>
            )}
          </li>
        ))}
      </ul>
      {/* A scrolling region is focusable so keyboard users can scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="per-entry">
        <table className="compare">
          <caption id="per-entry">
            <Trans>Per entry</Trans>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Entry</Trans>
              </th>
              <th scope="col">
                <Trans>Final scores</Trans>
              </th>
              <th scope="col">
                <Trans>Judges wanted</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.submissionId}>
                <th scope="row">{e.title}</th>
                <td>
                  {e.final} / {e.assigned}
                </td>
                <td>{e.needed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OpenClose({ round }: { round: JudgingRound }) {
  const update = useUpdateJudgingRound(round.id);
  const progress = useProgress(round.id, runKey(round));
  const judges = progress.data?.judges.filter((j) => j.assigned > 0) ?? [];
  const unfinished = progress.data?.judges.reduce((n, j) => n + j.assigned - j.final, 0) ?? 0;
  if (round.status === 'draft') {
    return (
      <Confirm
        label={<Trans>Open the round for scoring</Trans>}
        title={<Trans>Open the round?</Trans>}
        yes={<Trans>Yes, open it</Trans>}
        pending={update.isPending}
        error={update.error}
        disabled={round.assignment.status !== 'succeeded'}
        onYes={(done) => update.mutate({ status: 'open' }, { onSuccess: done })}
      >
        <p>
          <Trans>
            {judges.length} judges can then score their entries. Nobody gets a new email now: each
            judge was told when they got their entries. Reminders go 48 and 12 hours before the
            close.
          </Trans>
        </p>
      </Confirm>
    );
  }
  if (round.status === 'open') {
    return (
      <Confirm
        danger
        label={<Trans>Close the round now</Trans>}
        title={<Trans>Close the round now?</Trans>}
        yes={<Trans>Yes, close it</Trans>}
        pending={update.isPending}
        error={update.error}
        onYes={(done) => update.mutate({ status: 'closed' }, { onSuccess: done })}
      >
        <p>
          <Trans>
            Judges can no longer score and {unfinished} assignments stay without a final score.
            Nobody is emailed. This cannot be undone.
          </Trans>
        </p>
      </Confirm>
    );
  }
  return null;
}

export default function RoundJudging() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const round = useRound(id);
  const competition = useStaffCompetition(round.data?.competitionId);
  if (round.isPending) return <Loading />;
  if (round.isError)
    return (
      <Page title={t`Judging round`}>
        <ErrorMessage error={round.error} />
      </Page>
    );
  const r = round.data;
  const c = competition.data;
  return (
    <Page title={r.name} wide>
      <div className="stack">
        <p>
          <Link to={`/coordinate/judging/competitions/${r.competitionId}`}>
            {c ? (
              <Trans>Back to judging of {c.title}</Trans>
            ) : (
              <Trans>Back to the competition</Trans>
            )}
          </Link>
        </p>
        <p>
          <RoundStatusBadge status={r.status} />{' '}
          {r.blind ? (
            <span className="badge">
              <Trans>Blind</Trans>
            </span>
          ) : null}
        </p>
        <dl className="entry-fields">
          <div>
            <dt>
              <Trans>Closes</Trans>
            </dt>
            <dd>
              <Deadline at={r.closesAt} timeZone={c?.timezone ?? 'UTC'} />
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Judges per entry</Trans>
            </dt>
            <dd>{r.judgesPerEntry}</dd>
          </div>
        </dl>
        <div className="actions">
          <OpenClose round={r} />
          <Link className="button-secondary" to={`/coordinate/judging/rounds/${r.id}/ranking`}>
            <Trans>Ranking and results</Trans>
          </Link>
        </div>
        <Assignment round={r} />
        <Review round={r} />
        {r.status !== 'draft' && <Progress round={r} />}
      </div>
    </Page>
  );
}
