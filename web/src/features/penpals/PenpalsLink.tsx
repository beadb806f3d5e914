import { Plural, Trans } from '@lingui/react/macro';
import { NavLink } from 'react-router';
import { useUnreadLetters } from './unread';

/** A count of unread letters: the number to see, the words for screen readers. */
export function UnreadLetters({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="unread-count">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">
        <Plural value={count} one="# unread letter" other="# unread letters" />
      </span>
    </span>
  );
}

/** The header's link to the pen pals, with the letters waiting unread. */
export function PenpalsLink() {
  const unread = useUnreadLetters().data?.total ?? 0;
  return (
    <NavLink to="/penpals">
      <Trans>Pen pals</Trans>
      <UnreadLetters count={unread} />
    </NavLink>
  );
}
