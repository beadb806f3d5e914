import { Plural, Trans } from '@lingui/react/macro';
import { NavLink } from 'react-router';
import { useUnreadCount } from './queries';

/** How many notifications are unread (nothing when none), in words for screen readers. */
export function UnreadCount() {
  const unread = useUnreadCount().data ?? 0;
  if (unread === 0) return null;
  return (
    <span className="unread-count">
      <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
      <span className="visually-hidden">
        <Plural value={unread} one="# unread" other="# unread" />
      </span>
    </span>
  );
}

/** The header's link to the inbox, with the unread count. */
export function InboxLink() {
  return (
    <NavLink to="/inbox">
      <Trans>Inbox</Trans>
      <UnreadCount />
    </NavLink>
  );
}
