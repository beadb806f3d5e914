import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { STATUS } from './EntryEditor';
import { formatInstant } from './format';
import { useMySubmissions } from './queries';
import './competitions.css';

function List() {
  const { t, i18n } = useLingui();
  const mine = useMySubmissions();
  return (
    <Page title={t`My entries`}>
      {mine.isPending && <Loading />}
      <ErrorMessage error={mine.error} />
      {mine.data && mine.data.items.length === 0 && (
        <p>
          <Trans>No entries yet. Open a competition&apos;s page to start a team.</Trans>
        </p>
      )}
      <ul className="entries">
        {mine.data?.items.map((s) => {
          const when = formatInstant(s.submittedAt ?? s.updatedAt, i18n.locale);
          const status = i18n._(STATUS[s.status] ?? STATUS.draft);
          return (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/entries/${s.id}`}>{s.title}</Link>
              </h2>
              <p>
                {s.competitionTitle} · {s.teamName}
              </p>
              <p className="hint">
                <span className="badge">{status}</span> {when}
              </p>
            </li>
          );
        })}
      </ul>
    </Page>
  );
}

export default function MyEntries() {
  return (
    <RequireSignIn>
      <List />
    </RequireSignIn>
  );
}
