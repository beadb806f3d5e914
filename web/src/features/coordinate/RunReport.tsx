import { Pager } from '../../app/Pager';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage, Notice, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Confirm } from '../staff/Confirm';
import { RunProgress } from '../staff/RunProgress';
import { formatNumber } from '../staff/When';
import { countryName } from '../../app/countries';
import { ASEAN } from './countries';
import {
  type Pair,
  type Run,
  type Stats,
  useCancelMatch,
  useConstraint,
  usePairs,
  usePublish,
  usePublishPreview,
  useRun,
  useStartRun,
  useUnmatched,
} from './queries';
import '../staff/staff.css';

/** Pairs per ASEAN country as bars (plain HTML): the smallest countries stay visible. */
function CountryChart({ stats }: { stats: Stats }) {
  const { t, i18n } = useLingui();
  const max = Math.max(1, stats.minPerCountry ?? 0, ...ASEAN.map((c) => stats.byCountry[c] ?? 0));
  const min = stats.minPerCountry ?? 0;
  return (
    <section className="card stack" aria-labelledby="by-country">
      <h2 id="by-country">
        <Trans>Pairs per country</Trans>
      </h2>
      {min > 0 && (
        <p className="hint">
          <Trans>The line marks the {min} pairs wanted for every country.</Trans>
        </p>
      )}
      <table className="chart">
        <caption className="visually-hidden">{t`Pairs per country`}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">
              <Trans>Country</Trans>
            </th>
            <th scope="col">
              <Trans>Pairs</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {ASEAN.map((c) => {
            const n = stats.byCountry[c] ?? 0;
            const short = min > 0 && n < min;
            return (
              <tr key={c} className={short ? 'short' : undefined}>
                <th scope="row">{countryName(i18n.locale, c)}</th>
                <td>
                  <span className="chart-track" aria-hidden="true">
                    <span
                      className="chart-bar"
                      style={{ width: `${n === 0 ? 0 : Math.max(2, (n / max) * 100)}%` }}
                    />
                    {min > 0 && (
                      <span className="chart-min" style={{ left: `${(min / max) * 100}%` }} />
                    )}
                  </span>
                  <span className="chart-value">{formatNumber(i18n.locale, n, 0)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Shortfalls({ stats }: { stats: Stats }) {
  const { i18n } = useLingui();
  if (stats.shortfalls.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="shortfalls">
      <h2 id="shortfalls">
        <Trans>Countries short of pairs</Trans>
      </h2>
      <ul className="stack">
        {stats.shortfalls.map((s) => {
          const country = countryName(i18n.locale, s.country);
          const { achieved, minimum } = s;
          return (
            <li key={s.country}>
              <strong>
                <Trans>
                  {country}: {achieved} of {minimum} pairs
                </Trans>
              </strong>{' '}
              {s.reason === 'too_few_participants' ? (
                <Trans>Too few people from this country enrolled.</Trans>
              ) : s.reason === 'too_few_korean_partners' ? (
                <Trans>Too few Korean partners were free for them.</Trans>
              ) : (
                <Trans>Too few compatible partners (language, age or preferences).</Trans>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ReasonName({ reason }: { reason: string }) {
  switch (reason) {
    case 'consent':
      return <Trans>Waiting for guardian consent</Trans>;
    case 'age_rules':
      return <Trans>Outside the age rules</Trans>;
    case 'no_shared_language':
      return <Trans>No shared language</Trans>;
    case 'gender_preference':
      return <Trans>Gender preference</Trans>;
    case 'excluded_pairs':
      return <Trans>Every possible pair was forbidden or declined</Trans>;
    case 'no_candidate':
      return <Trans>No compatible partner</Trans>;
    default:
      return <Trans>Partners had no room left</Trans>;
  }
}

function UnmatchedReason({
  runId,
  reason,
  count,
}: {
  runId: string;
  reason: string;
  count: number;
}) {
  const [open, setOpen] = useState(false);
  const who = useUnmatched(runId, open ? reason : null);
  const { i18n } = useLingui();
  return (
    <li className="stack">
      <div className="list-row">
        <span>
          <ReasonName reason={reason} />: <strong>{count}</strong>
        </span>
        <button
          type="button"
          className="button-link"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <Trans>Hide who</Trans> : <Trans>Show who</Trans>}
        </button>
      </div>
      {open && who.isPending && <Loading />}
      <ErrorMessage error={who.error} />
      {open && who.data && (
        <ul className="plain-list">
          {who.data.items.map((p) => (
            <li key={p.userId} className="list-row">
              <span>
                {p.displayName} · {countryName(i18n.locale, p.country)}
              </span>
              <span className="meta">{p.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Unmatched({ run, stats }: { run: Run; stats: Stats }) {
  const reasons = Object.entries(stats.unmatchedByReason).filter(([, n]) => n > 0);
  const unmatched = stats.unmatched;
  return (
    <section className="card stack" aria-labelledby="unmatched">
      <h2 id="unmatched">
        <Trans>Without a pen pal: {unmatched}</Trans>
      </h2>
      {reasons.length > 0 && (
        <ul className="plain-list">
          {reasons.map(([reason, n]) => (
            <UnmatchedReason key={reason} runId={run.id} reason={reason} count={n} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PairRow({
  pair,
  roundId,
  published,
}: {
  pair: Pair;
  roundId: string;
  published: boolean;
}) {
  const { i18n } = useLingui();
  const constraint = useConstraint(roundId);
  const cancel = useCancelMatch();
  const side = (s: Pair['a']) => `${s.displayName} (${countryName(i18n.locale, s.country)})`;
  const a = side(pair.a);
  const b = side(pair.b);
  const done = constraint.variables?.type;
  return (
    <tr>
      <td>{a}</td>
      <td>{b}</td>
      <td>{formatNumber(i18n.locale, pair.score, 0)}</td>
      <td>{pair.reasons.join('; ')}</td>
      <td className="row-actions">
        {constraint.isSuccess ? (
          <span role="status">
            {done === 'pin' ? <Trans>Pinned for the next run</Trans> : <Trans>Forbidden</Trans>}
          </span>
        ) : cancel.isSuccess ? (
          <span role="status">
            <Trans>Match ended</Trans>
          </span>
        ) : published && pair.status !== 'proposed' ? (
          pair.status === 'cancelled' ? (
            <Trans>Ended</Trans>
          ) : (
            <button
              type="button"
              className="button-danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(pair.id)}
            >
              <Trans>
                End the match of {a} and {b}
              </Trans>
            </button>
          )
        ) : (
          <>
            <button
              type="button"
              className="button-secondary"
              disabled={constraint.isPending}
              onClick={() =>
                constraint.mutate({ type: 'pin', userIds: [pair.a.userId, pair.b.userId] })
              }
            >
              <Trans>
                Pin {a} and {b}
              </Trans>
            </button>
            <button
              type="button"
              className="button-danger"
              disabled={constraint.isPending}
              onClick={() =>
                constraint.mutate({ type: 'forbid', userIds: [pair.a.userId, pair.b.userId] })
              }
            >
              <Trans>
                Forbid {a} and {b}
              </Trans>
            </button>
          </>
        )}
        <ErrorMessage error={constraint.error ?? cancel.error} />
      </td>
    </tr>
  );
}

function Pairs({ run, stats }: { run: Run; stats: Stats }) {
  const { t } = useLingui();
  const [page, setPage] = useState(1);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const pairs = usePairs(run.id, page, search);
  const total = pairs.data?.total ?? stats.pairs;
  const pages = Math.max(1, Math.ceil(total / 50));
  const rows = pairs.data?.items ?? [];
  return (
    <section className="card stack" aria-labelledby="pairs">
      <h2 id="pairs">
        {search ? <Trans>Pairs found: {total}</Trans> : <Trans>Pairs: {total}</Trans>}
      </h2>
      <form
        role="search"
        className="row filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(typed.trim());
          setPage(1);
        }}
      >
        <TextField
          label={t`Search the pairs`}
          hint={t`A name or a country code (e.g. LA).`}
          type="search"
          maxLength={100}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="button-secondary">
          <Trans>Search</Trans>
        </button>
      </form>
      <ErrorMessage error={pairs.error} />
      {/* A scrolling region is focusable so that keyboard users can scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="pairs">
        <table className="compare pairs">
          <thead>
            <tr>
              <th scope="col">
                <Trans>Korea</Trans>
              </th>
              <th scope="col">
                <Trans>ASEAN</Trans>
              </th>
              <th scope="col">
                <Trans>Score</Trans>
              </th>
              <th scope="col">
                <Trans>Why</Trans>
              </th>
              <th scope="col">
                <Trans>Actions</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <PairRow key={p.id} pair={p} roundId={run.roundId} published={!!run.publishedAt} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager label={t`Pages of pairs`} page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

function PublishAudience({
  id,
  matched,
  unmatched,
  skipped,
}: {
  id: string;
  matched: number;
  unmatched: number;
  skipped: number;
}) {
  return (
    <div id={id} className="stack">
      <p>
        <Trans>
          {matched} people will be told who their pen pal is, by email and in Kenal. {unmatched}{' '}
          people will be told they stay in the queue.
        </Trans>
      </p>
      {skipped > 0 && (
        <p>
          <Trans>
            {skipped} pairs stay unpublished: guardian consent or a birth date changed since the
            run.
          </Trans>
        </p>
      )}
    </div>
  );
}

function Publish({ run }: { run: Run }) {
  const publish = usePublish(run.id);
  const [asked, setAsked] = useState(false);
  const preview = usePublishPreview(run.id, asked && !run.publishedAt && !publish.data);
  if (publish.data) {
    const told = publish.data.notified.matched + publish.data.notified.unmatched;
    return (
      <Notice>
        <Trans>Published. {told} people are being told.</Trans>
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
  return (
    <Confirm
      label={<Trans>Publish these pairs</Trans>}
      title={<Trans>Publish these pairs?</Trans>}
      yes={<Trans>Yes, publish and tell them</Trans>}
      pending={publish.isPending || !preview.data}
      error={publish.error}
      onAsk={() => setAsked(true)}
      onYes={() => publish.mutate()}
    >
      {preview.isPending && <Loading />}
      <ErrorMessage error={preview.error} />
      {preview.data && <PublishAudience id="publish-text" {...preview.data} />}
    </Confirm>
  );
}

function Report({ run }: { run: Run }) {
  const { i18n } = useLingui();
  const stats = run.stats!;
  const start = useStartRun(run.roundId);
  const navigate = useNavigate();
  const { pairs, matched, enrolled } = stats;
  const mean = formatNumber(i18n.locale, stats.meanScore, 0);
  return (
    <div className="stack">
      <p className="lead">
        <Trans>
          {pairs} pairs. {matched} of {enrolled} people have a pen pal. Mean score {mean} of 100.
        </Trans>
      </p>
      <Publish run={run} />
      <CountryChart stats={stats} />
      <Shortfalls stats={stats} />
      <Unmatched run={run} stats={stats} />
      <Pairs run={run} stats={stats} />
      {!run.publishedAt && (
        <section className="card stack" aria-labelledby="again">
          <h2 id="again">
            <Trans>Run again</Trans>
          </h2>
          <p>
            <Trans>Pins and forbids you set above are used by the next run.</Trans>
          </p>
          <ErrorMessage error={start.error} />
          <button
            type="button"
            className="button-secondary"
            disabled={start.isPending}
            onClick={() =>
              start.mutate(undefined, {
                onSuccess: (next) => navigate(`/coordinate/matching-runs/${next.id}`),
              })
            }
          >
            <Trans>Run the matching again</Trans>
          </button>
        </section>
      )}
    </div>
  );
}

export default function RunReport() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const run = useRun(id);
  const title = t`Matching report`;
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
          <Link to={`/coordinate/penpal-rounds/${r.roundId}`}>
            <Trans>Back to the round</Trans>
          </Link>
        </p>
        <RunProgress status={r.status} progress={r.progress} />
        {r.status === 'succeeded' && r.stats && <Report run={r} />}
      </div>
    </Page>
  );
}
