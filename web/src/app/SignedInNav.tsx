import { Trans } from '@lingui/react/macro';
import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { InboxLink, UnreadCount } from '../features/inbox/InboxLink';
import { useMe } from '../features/account/queries';
import { PenpalsLink } from '../features/penpals/PenpalsLink';

function SignOutButton() {
  const navigate = useNavigate();
  // The /sign-out page does the work: signing out here would race this page's own redirect.
  return (
    <button type="button" className="button-link" onClick={() => navigate('/sign-out')}>
      <Trans>Sign out</Trans>
    </button>
  );
}

/** Links to the staff pages a signed-in person's roles open (the pages load only when followed). */
function StaffLinks() {
  const me = useMe();
  const roles = me.data?.roles ?? [];
  return (
    <>
      {roles.includes('mentor') && (
        <NavLink to="/mentoring">
          <Trans>Mentoring</Trans>
        </NavLink>
      )}
      {roles.includes('judge') && (
        <NavLink to="/judging">
          <Trans>Judging</Trans>
        </NavLink>
      )}
      {(roles.includes('coordinator') || roles.includes('admin')) && (
        <NavLink to="/coordinate">
          <Trans>Coordinate</Trans>
        </NavLink>
      )}
      {roles.includes('admin') && (
        <NavLink to="/admin/staff">
          <Trans>Admin</Trans>
        </NavLink>
      )}
    </>
  );
}

/**
 * The signed-in navigation. On a phone its seven or more links (long words in Lao, Khmer or
 * Burmese) would take three lines of the screen: there they sit behind a "Menu" button that
 * opens and closes them (aria-expanded; Escape closes and goes back to the button). From 48rem
 * they are always shown in a row.
 */
export default function SignedInNav() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Following a link closes the menu (the new page's heading takes the focus).
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <div className="site-nav-wrap">
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <svg
          aria-hidden="true"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
        >
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        <Trans>Menu</Trans>
        <UnreadCount />
      </button>
      <nav
        id={id}
        aria-label="Kenal"
        className={open ? 'site-nav site-nav-menu open' : 'site-nav site-nav-menu'}
      >
        <NavLink to="/" end>
          <Trans>Home</Trans>
        </NavLink>
        <NavLink to="/profile">
          <Trans>My profile</Trans>
        </NavLink>
        <NavLink to="/me/submissions">
          <Trans>My entries</Trans>
        </NavLink>
        <PenpalsLink />
        <NavLink to="/competitions">
          <Trans>Competitions</Trans>
        </NavLink>
        <InboxLink />
        <NavLink to="/account">
          <Trans>My account</Trans>
        </NavLink>
        <StaffLinks />
        <SignOutButton />
      </nav>
    </div>
  );
}
