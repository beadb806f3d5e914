import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useLocation } from 'react-router';
import { ErrorMessage, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Deadline } from '../staff/When';
import { type Assignment, useMyAssignments } from './queries';
import { assignmentState, StatusBadge } from './status';
import '../staff/staff.css';

interface RoundGroup {
  roundId: string;
  roundName: string;
  competitionTitle: string;
  closesAt: string;
  timezone: string;
  roundStatus: Assignment['roundStatus'];
  items: Assignment[];
}

function byRound(list: Assignment[]): RoundGroup[] {
  const groups = new Map<string, RoundGroup>();
  for (const a of list) {
    let g = groups.get(a.roundId);
    if (!g) {
      g = { ...a, items: [] };
      groups.set(a.roundId, g);
    }
    g.items.push(a);
  }
  return [...groups.values()].sort((x, y) => x.closesAt.localeCompare(y.closesAt));
}

function Round({ group }: { group: RoundGroup }) {
  const done = group.items.filter((a) => assignmentState(a) === 'final').length;
  const total = group.items.length;
  const headingId = `round-${group.roundId}`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>
          {group.competitionTitle}: {group.roundName}
        </h2>
        <p className="meta">
          <Trans>Deadline:</Trans> <Deadline at={group.closesAt} timeZone={group.timezone} />
        </p>
        {group.roundStatus === 'draft' && (
          <p className="hint">
            <Trans>
              This round has not opened yet: you can read the entries but not score them.
            </Trans>
          </p>
        )}
      </div>
      <div>
        <p className="meta" id={`${headingId}-progress`}>
          <Trans>
            {done} of {total} scored
          </Trans>
        </p>
        <progress max={total} value={done} aria-labelledby={`${headingId}-progress`} />
      </div>
      <ul className="plain-list">
        {group.items.map((a, i) => {
          const n = i + 1;
          return (
            <li key={a.id} className="list-row">
              <Link to={`/judging/${a.id}`}>{a.submission?.title ?? <Trans>Entry {n}</Trans>}</Link>
              <StatusBadge assignment={a} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export default function JudgingHome() {
  const { t } = useLingui();
  const mine = useMyAssignments();
  const recused = (useLocation().state as { recused?: boolean } | null)?.recused;
  return (
    <Page title={t`Judging`}>
      {recused && (
        <Notice>
          <Trans>You stepped back from that entry. Another judge takes it over.</Trans>
        </Notice>
      )}
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorMessage error={mine.error} />
      ) : mine.data.length === 0 ? (
        <p>
          <Trans>You have no entries to judge right now. We will email you when you do.</Trans>
        </p>
      ) : (
        <div className="stack">
          {byRound(mine.data).map((g) => (
            <Round key={g.roundId} group={g} />
          ))}
        </div>
      )}
    </Page>
  );
}
