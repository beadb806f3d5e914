import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage, SelectField, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { ALL_COUNTRIES } from '../coordinate/countries';
import { displayNames } from '../profile/reference';
import { formatMoment, formatNumber } from '../staff/When';
import { STATUS, STATUSES } from './labels';
import {
  downloadEntriesCsv,
  ENTRY_PAGE_SIZE,
  type EntryFilters,
  type EntryRow,
  useCompetition,
  useEntries,
} from './queries';
import '../staff/staff.css';
import './competitions-staff.css';

const BADGE: Record<string, string> = {
  submitted: 'badge badge-ok',
  shortlisted: 'badge badge-ok',
  awarded: 'badge badge-ok',
  draft: 'badge badge-wait',
  withdrawn: 'badge',
};

function EntryItem({ entry, competitionId }: { entry: EntryRow; competitionId: string }) {
  const { i18n } = useLingui();
  const countries = [...new Set(entry.members.map((m) => m.country).filter(Boolean))]
    .map((c) => displayNames(i18n).country(c!))
    .join(', ');
  const names = entry.members.map((m) => m.displayName).join(', ');
  return (
    <li className="list-row entry-row">
      <div className="stack-tight">
        <Link to={`/coordinate/competitions/${competitionId}/entries/${entry.id}`}>
          {entry.title}
        </Link>
        <p className="meta">
          {entry.teamName} · {names}
        </p>
        {countries && <p className="meta">{countries}</p>}
        <p className="meta">
          {entry.submittedAt ? (
            <Trans>Submitted {formatMoment(i18n.locale, entry.submittedAt)}</Trans>
          ) : (
            <Trans>Last changed {formatMoment(i18n.locale, entry.updatedAt)}</Trans>
          )}
        </p>
        {entry.extensionUntil && (
          <p className="meta">
            <Trans>Extension until {formatMoment(i18n.locale, entry.extensionUntil)}</Trans>
          </p>
        )}
      </div>
      <span className={BADGE[entry.status] ?? 'badge'}>{i18n._(STATUS[entry.status])}</span>
    </li>
  );
}

export default function Entries() {
  const { t, i18n } = useLingui();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const competition = useCompetition(id);
  const filters: EntryFilters = {
    ...(params.get('status') ? { status: params.get('status') as EntryFilters['status'] } : {}),
    ...(params.get('country') ? { country: params.get('country') as EntryFilters['country'] } : {}),
    ...(params.get('q') ? { q: params.get('q')! } : {}),
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const entries = useEntries(id, filters, page);
  const [search, setSearch] = useState(filters.q ?? '');
  const [csv, setCsv] = useState<{ busy: boolean; error: unknown; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });
  const change = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const data = entries.data;
  const counts = data?.counts ?? {};
  const all = Object.values(counts).reduce((s, n) => s + n, 0);
  const pages = data ? Math.max(1, Math.ceil(data.total / ENTRY_PAGE_SIZE)) : 1;
  const title = competition.data?.title;
  return (
    <Page title={title ? t`Entries: ${title}` : t`Entries`} wide>
      <div className="stack page-sections">
        <nav className="row-actions" aria-label={t`This competition`}>
          <Link to="/coordinate/competitions">
            <Trans>All competitions</Trans>
          </Link>
          <Link to={`/coordinate/competitions/${id}`}>
            <Trans>Settings</Trans>
          </Link>
        </nav>

        <section aria-labelledby="counts-heading" className="stack">
          <h2 id="counts-heading">
            <Trans>Entries by status</Trans>
          </h2>
          <ul className="status-counts plain-list">
            <li>
              <button
                type="button"
                className="count-button"
                aria-pressed={!filters.status}
                onClick={() => change({ status: null })}
              >
                <span className="count-value">{formatNumber(i18n.locale, all, 0)}</span>{' '}
                <span>
                  <Trans>All</Trans>
                </span>
              </button>
            </li>
            {STATUSES.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="count-button"
                  aria-pressed={filters.status === s}
                  onClick={() => change({ status: filters.status === s ? null : s })}
                >
                  <span className="count-value">
                    {formatNumber(i18n.locale, counts[s] ?? 0, 0)}
                  </span>{' '}
                  <span>{i18n._(STATUS[s])}</span>
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">
            <Trans>The counts follow the search and country filters.</Trans>
          </p>
        </section>

        <form
          role="search"
          className="row filters"
          onSubmit={(e) => {
            e.preventDefault();
            change({ q: search.trim() || null });
          }}
        >
          <TextField
            label={t`Search by title`}
            type="search"
            value={search}
            maxLength={200}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField
            label={t`Country of a team member`}
            value={filters.country ?? ''}
            onChange={(e) => change({ country: e.target.value || null })}
          >
            <option value="">{t`Every country`}</option>
            {ALL_COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {displayNames(i18n).country(c)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button-secondary">
            <Trans>Search</Trans>
          </button>
        </form>

        <div className="stack">
          <div className="row-actions">
            <button
              type="button"
              className="button-secondary"
              disabled={csv.busy}
              onClick={() => {
                setCsv({ busy: true, error: null, done: false });
                downloadEntriesCsv(id, filters).then(
                  () => setCsv({ busy: false, error: null, done: true }),
                  (error: unknown) => setCsv({ busy: false, error, done: false }),
                );
              }}
            >
              {csv.busy ? (
                <Trans>Preparing the CSV…</Trans>
              ) : (
                <Trans>Download these entries as CSV</Trans>
              )}
            </button>
          </div>
          <ErrorMessage error={csv.error} />
          <p className="visually-hidden" role="status">
            {csv.done ? t`The CSV file is downloaded.` : ''}
          </p>
        </div>

        <section aria-labelledby="list-heading" className="stack">
          <h2 id="list-heading">
            <Trans>Entries</Trans>
          </h2>
          {entries.isPending ? (
            <Loading />
          ) : entries.isError ? (
            <ErrorMessage error={entries.error} />
          ) : data!.items.length === 0 ? (
            <p className="muted">
              {all === 0 && !filters.q && !filters.country ? (
                <Trans>No team has started an entry yet.</Trans>
              ) : (
                <Trans>No entry matches these filters.</Trans>
              )}
            </p>
          ) : (
            <>
              <p className="meta" aria-live="polite">
                <Trans>
                  Found: {formatNumber(i18n.locale, data!.total, 0)} · page {page} of {pages}
                </Trans>
              </p>
              <ul className="plain-list" aria-busy={entries.isFetching}>
                {data!.items.map((e) => (
                  <EntryItem key={e.id} entry={e} competitionId={id} />
                ))}
              </ul>
              {pages > 1 && (
                <nav className="row-actions" aria-label={t`Pages`}>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={page <= 1}
                    onClick={() => change({ page: String(page - 1) })}
                  >
                    <Trans>Previous page</Trans>
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={page >= pages}
                    onClick={() => change({ page: String(page + 1) })}
                  >
                    <Trans>Next page</Trans>
                  </button>
                </nav>
              )}
            </>
          )}
        </section>
      </div>
    </Page>
  );
}
