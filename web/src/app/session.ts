import { useSyncExternalStore } from 'react';

/**
 * Who is signed in in this tab. The access token lives only in memory; the refresh token is kept
 * in localStorage so a new tab (or a reload) can get its own access token. Tabs share the refresh
 * token, and the API rotates it on every use (a reused one ends the session), so every refresh
 * runs under one Web Lock across tabs and re-reads the stored token inside the lock: two tabs
 * never present the same refresh token.
 */
const REFRESH_KEY = 'kenal.refreshToken';
const LOCK = 'kenal-refresh';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

let accessToken: string | null = null;
let signedIn = readRefresh() !== null;
const listeners = new Set<() => void>();

function readRefresh(): string | null {
  try {
    return localStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

function writeRefresh(token: string | null): void {
  try {
    if (token) localStorage.setItem(REFRESH_KEY, token);
    else localStorage.removeItem(REFRESH_KEY);
  } catch {
    // storage blocked: the session lasts as long as this tab
  }
}

function setSignedIn(value: boolean): void {
  if (signedIn === value) return;
  signedIn = value;
  listeners.forEach((l) => l());
}

export const getAccessToken = (): string | null => accessToken;
export const getRefreshToken = (): string | null => readRefresh();
export const isSignedIn = (): boolean => signedIn;

/** After sign-in, sign-up or a refresh. */
export function startSession(tokens: Tokens): void {
  accessToken = tokens.accessToken;
  writeRefresh(tokens.refreshToken);
  setSignedIn(true);
}

export function endSession(): void {
  accessToken = null;
  writeRefresh(null);
  setSignedIn(false);
}

/** Runs `fn` alone across every tab of this origin (at once when Web Locks are missing). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, fn) : fn();
}

let inFlight: Promise<boolean> | null = null;

/**
 * Gets a new token pair with the stored refresh token. `exchange` calls the API and answers the
 * new pair, or null when the server refused the token (the session is over).
 */
export function refreshSession(
  exchange: (refreshToken: string) => Promise<Tokens | null>,
): Promise<boolean> {
  inFlight ??= exclusive(async () => {
    const stored = readRefresh();
    if (!stored) {
      endSession();
      return false;
    }
    const tokens = await exchange(stored);
    if (tokens) {
      startSession(tokens);
      return true;
    }
    // Another tab may have rotated the token while our request failed: only forget our own.
    if (readRefresh() === stored) endSession();
    else accessToken = null;
    return false;
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Signing out in another tab signs this one out too. */
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== REFRESH_KEY && e.key !== null) return;
    if (readRefresh() === null) {
      accessToken = null;
      setSignedIn(false);
    } else setSignedIn(true);
  });
}

export function useSignedIn(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => signedIn,
  );
}
