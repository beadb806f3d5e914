import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage, SelectField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Pager } from '../../app/Pager';
import { KIND } from './CompetitionPage';
import { formatInstant, visitorTimeZone } from './format';
import { type CompetitionListing, useCompetitionList } from './queries';
import './competitions.css';

const PAGE_SIZE = 20;

const STATUS: Record<CompetitionListing['status'], MessageDescriptor> = {
  open: msg`Open for entries`,
  upcoming: msg`Opening soon`,
  closed: msg`Closed`,
};

function When({ c }: { c: CompetitionListing }) {
  const { i18n } = useLingui();
  const zone = visitorTimeZone();
  const opens = formatInstant(c.opensAt, i18n.locale, zone);
  const closes = formatInstant(c.closesAt, i18n.locale, zone);
  if (c.status === 'open') return <Trans>Closes {closes}</Trans>;
  if (c.status === 'upcoming') return <Trans>Opens {opens}</Trans>;
  return <Trans>Closed {closes}</Trans>;
}

function Listing({ c }: { c: CompetitionListing }) {
  const { i18n } = useLingui();
  return (
    <li className="card">
      <h2>
        <Link to={`/competitions/${c.id}`}>{c.title}</Link>
      </h2>
      <p className="hint">{c.programmeName}</p>
      <p className="tags">
        <span className="badge">{i18n._(KIND[c.kind] ?? KIND.project)}</span>
        <span className={c.status === 'open' ? 'badge badge-ok' : 'badge'}>
          {i18n._(STATUS[c.status])}
        </span>
        {c.resultsPublished && (
          <span className="badge">
            <Trans>Results are out</Trans>
          </span>
        )}
      </p>
      <p>
        <When c={c} />
      </p>
    </li>
  );
}

export default function CompetitionList() {
  const { t } = useLingui();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useCompetitionList({
    ...(kind === 'short_movie' || kind === 'project' ? { kind } : {}),
    ...(status === 'open' || status === 'upcoming' || status === 'closed' ? { status } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const choose = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: name !== 'page' });
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <Page title={t`Competitions`} wide>
      <p className="lead">
        <Trans>
          Make a short movie or a project with young people from Korea and ASEAN. Open a competition
          to read its rules and start a team.
        </Trans>
      </p>
      <form
        className="filters"
        aria-label={t`Filter competitions`}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField label={t`Kind`} value={kind} onChange={(e) => choose('kind', e.target.value)}>
          <option value="">{t`All kinds`}</option>
          <option value="short_movie">{t`Short movie`}</option>
          <option value="project">{t`Project`}</option>
        </SelectField>
        <SelectField
          label={t`Status`}
          value={status}
          onChange={(e) => choose('status', e.target.value)}
        >
          <option value="">{t`Open, opening soon and closed`}</option>
          <option value="open">{t`Open for entries`}</option>
          <option value="upcoming">{t`Opening soon`}</option>
          <option value="closed">{t`Closed`}</option>
        </SelectField>
      </form>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <p role="status">
          <Trans>No competitions match. Try another kind or status.</Trans>
        </p>
      )}
      <ul className="entries">
        {list.data?.items.map((c) => (
          <Listing key={c.id} c={c} />
        ))}
      </ul>
      {pages > 1 && (
        <Pager
          label={t`Pages of competitions`}
          page={page}
          pages={pages}
          onPage={(n) => choose('page', String(n))}
        />
      )}
    </Page>
  );
}
