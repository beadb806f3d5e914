import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useProgrammes } from '../coordinate/queries';
import { Deadline } from '../staff/When';
import { KIND } from './labels';
import { useProgrammeCompetitions } from './queries';
import '../staff/staff.css';
import './competitions-staff.css';

function ProgrammeCompetitions({ id, name }: { id: string; name: string }) {
  const { t, i18n } = useLingui();
  const list = useProgrammeCompetitions(id);
  return (
    <section className="card stack" aria-labelledby={`programme-${id}`}>
      <h2 id={`programme-${id}`}>{name}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">
          <Trans>No competitions in this programme yet.</Trans>
        </p>
      ) : (
        <ul className="plain-list">
          {list.data.items.map((c) => (
            <li key={c.id} className="list-row">
              <div className="stack-tight">
                <Link to={`/coordinate/competitions/${c.id}`}>{c.title}</Link>
                <p className="meta">
                  {i18n._(KIND[c.kind])} ·{' '}
                  {c.window.isOpen ? <Trans>Open for entries</Trans> : <Trans>Not open</Trans>}
                </p>
                <p className="meta">
                  <Trans>
                    Closes <Deadline at={c.submissionClosesAt} timeZone={c.window.timezone} />
                  </Trans>
                </p>
              </div>
              <Link
                className="button-secondary"
                to={`/coordinate/competitions/${c.id}/entries`}
                aria-label={t`Entries of ${c.title}`}
              >
                <Trans>Entries</Trans>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="button" to={`/coordinate/competitions/new/${id}`}>
          <Trans>New competition in {name}</Trans>
        </Link>
      </p>
    </section>
  );
}

/** The competitions of every programme the coordinator runs, and where to start a new one. */
export default function CompetitionsHome() {
  const { t } = useLingui();
  const programmes = useProgrammes();
  return (
    <Page title={t`Competitions`}>
      <p>
        <Link to="/coordinate">
          <Trans>Back to coordination</Trans>
        </Link>
      </p>
      {programmes.isPending ? (
        <Loading />
      ) : programmes.isError ? (
        <ErrorMessage error={programmes.error} />
      ) : programmes.data.items.length === 0 ? (
        <p>
          <Trans>You don’t coordinate a programme yet. An admin can add you to one.</Trans>
        </p>
      ) : (
        <div className="stack">
          {programmes.data.items.map((p) => (
            <ProgrammeCompetitions key={p.id} id={p.id} name={p.name} />
          ))}
        </div>
      )}
    </Page>
  );
}
