import { Trans } from '@lingui/react/macro';
import { Suspense, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { InboxLink } from '../features/inbox/InboxLink';
import { PenpalsLink } from '../features/penpals/PenpalsLink';
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
      {roles.includes('admin') && (
        <NavLink to="/admin/staff">
          <Trans>Admin</Trans>
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
        <nav aria-label="Kenal" className="site-nav">
          {signedIn ? (
            <>
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
            </>
          ) : (
            <>
              <NavLink to="/competitions">
                <Trans>Competitions</Trans>
              </NavLink>
              <NavLink to="/sign-in">
                <Trans>Sign in</Trans>
              </NavLink>
              <NavLink to="/sign-up">
                <Trans>Create an account</Trans>
              </NavLink>
            </>
          )}
        </nav>
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
