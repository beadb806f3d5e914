import { Trans } from '@lingui/react/macro';
import { Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { InboxLink, UnreadCount } from '../features/inbox/InboxLink';
import { VerifyBanner } from '../features/verify/VerifyBanner';
import { useMe } from '../features/account/queries';
import { LanguageSwitcher } from './LanguageSwitcher';
import { OfflineBanner } from './OfflineBanner';
import { useSignedIn } from './session';

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
    </>
  );
}

export function Loading() {
  return (
    <p className="loading" role="status">
      <Trans>Loading…</Trans>
    </p>
  );
}

/**
 * The signed-in navigation. On a phone its seven or more links (long words in Lao, Khmer or
 * Burmese) would take three lines of the screen: there they sit behind a "Menu" button that
 * opens and closes them (aria-expanded; Escape closes and goes back to the button). From 48rem
 * they are always shown in a row.
 */
function SignedInNav() {
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
        <NavLink to="/penpals">
          <Trans>Pen pals</Trans>
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

export function Layout({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  return (
    <>
      <a className="skip-link" href="#main">
        <Trans>Skip to content</Trans>
      </a>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand">
            Kenal
          </Link>
          <LanguageSwitcher />
        </div>
        {signedIn ? (
          <SignedInNav />
        ) : (
          <nav aria-label="Kenal" className="site-nav">
            <NavLink to="/sign-in">
              <Trans>Sign in</Trans>
            </NavLink>
            <NavLink to="/sign-up">
              <Trans>Create an account</Trans>
            </NavLink>
          </nav>
        )}
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1}>
        {signedIn && <VerifyBanner />}
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
      <footer className="site-footer">
        <p>
          <Trans>Kenal: pen pals and competitions for young people in Korea and ASEAN.</Trans>
        </p>
      </footer>
    </>
  );
}
