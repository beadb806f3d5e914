import { Trans } from '@lingui/react/macro';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { OfflineBanner } from './OfflineBanner';
import { useSignedIn } from './session';

// What only a signed-in person sees comes in its own chunks, not in the first page's code
// (index.html starts loading the navigation's chunk at once when a session is stored).
const SignedInNav = lazy(() => import('./SignedInNav'));
const VerifyBanner = lazy(() =>
  import('../features/verify/VerifyBanner').then((m) => ({ default: m.VerifyBanner })),
);

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
        {signedIn ? (
          <Suspense fallback={null}>
            <SignedInNav />
          </Suspense>
        ) : (
          <nav aria-label="Kenal" className="site-nav">
            <NavLink to="/competitions">
              <Trans>Competitions</Trans>
            </NavLink>
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
        {signedIn && (
          <Suspense fallback={null}>
            <VerifyBanner />
          </Suspense>
        )}
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
