import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSignedIn } from './session';

/**
 * A page: its heading, the browser tab's title, and focus on the heading after a navigation so
 * that a screen reader announces where the person arrived.
 */
export function Page({
  title,
  children,
  wide,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Kenal`;
  }, [title]);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) {
      heading.current?.focus();
    }
  }, []);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

/** Sends a signed-out visitor to sign in, then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return children;
}
