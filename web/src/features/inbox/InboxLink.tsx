import { Plural, Trans } from '@lingui/react/macro';
import { NavLink } from 'react-router';
import { useUnreadCount } from './queries';

/** The header's link to the inbox, with the unread count in words for screen readers. */
export function InboxLink() {
  const unread = useUnreadCount().data ?? 0;
  return (
    <NavLink to="/inbox">
      <Trans>Inbox</Trans>
      {unread > 0 && (
        <span className="unread-count">
          <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
          <span className="visually-hidden">
            <Plural value={unread} one="# unread" other="# unread" />
          </span>
        </span>
      )}
    </NavLink>
  );
}
