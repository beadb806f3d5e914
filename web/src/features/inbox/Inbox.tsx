import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { dateTime } from '../penpals/names';
import { useInbox, useMarkRead } from './queries';

/** Where a notification leads, by its type (pen pals, the profile for guardian news, ...). */
export function linkFor(type: string): string | null {
  if (type.startsWith('penpal.')) return '/penpals';
  if (type.startsWith('guardian.')) return '/profile';
  if (type.startsWith('judging.')) return '/judging';
  if (type.startsWith('auth.')) return '/account';
  return null;
}

function InboxPage() {
  const { t, i18n } = useLingui();
  const inbox = useInbox();
  const markRead = useMarkRead();
  if (inbox.isPending) return <Loading />;
  return (
    <Page title={t`Inbox`}>
      <ErrorMessage error={inbox.error ?? markRead.error} />
      {inbox.data &&
        (inbox.data.items.length === 0 ? (
          <p>
            <Trans>Nothing here yet. We'll tell you here when something happens.</Trans>
          </p>
        ) : (
          <ul className="inbox">
            {inbox.data.items.map((n) => {
              const to = linkFor(n.type);
              const unread = n.readAt === null;
              const when = dateTime(i18n, n.createdAt);
              return (
                <li key={n.id} className={unread ? 'card inbox-item unread' : 'card inbox-item'}>
                  <h2>
                    {unread && (
                      <span className="badge badge-wait">
                        <Trans>New</Trans>
                      </span>
                    )}{' '}
                    {n.title}
                  </h2>
                  <p className="hint">{when}</p>
                  <p className="inbox-body">{n.body}</p>
                  <p className="actions">
                    {to && (
                      <Link
                        to={to}
                        className="button"
                        onClick={() => unread && markRead.mutate(n.id)}
                      >
                        <Trans>Open</Trans>
                      </Link>
                    )}
                    {unread && (
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={markRead.isPending}
                        onClick={() => markRead.mutate(n.id)}
                      >
                        <Trans>Mark as read</Trans>
                      </button>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        ))}
    </Page>
  );
}

export default function Inbox() {
  return (
    <RequireSignIn>
      <InboxPage />
    </RequireSignIn>
  );
}
