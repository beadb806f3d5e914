import type { Principal } from '../common/auth/principal';
import type { Role } from '../common/auth/roles';
import type { SessionCheck } from '../common/auth/session-check';

/**
 * The session check as other statements fold it in (issue 14): a derived table of one row, the
 * account behind the session while the session is not revoked and the account not deleted, else
 * of none. Every authenticated request makes this check, the guard's (sessionPrincipal) and the
 * @SessionInStatement routes' alike, so it is written here once. `userParam`, `sessionParam` are
 * the placeholders holding the verified token's claims, e.g. '$1', '$2'.
 * Use as `FROM ${liveCaller('$1', '$2')} me`; its columns are those of CallerColumns.
 */
export const liveCaller = (userParam: string, sessionParam: string) =>
  `(SELECT u.id AS caller_id, u.email AS caller_email, u.display_name AS caller_display_name,
           u.roles AS caller_roles, u.locale AS caller_locale,
           u.email_verified_at IS NOT NULL AS caller_email_verified
      FROM users u JOIN auth_sessions s ON s.user_id = u.id
     WHERE u.id = ${userParam} AND s.id = ${sessionParam} AND s.revoked_at IS NULL
       AND u.deleted_at IS NULL)`;

/**
 * The tables liveCaller reads, each for its caller alone: a cache of answers keyed by caller whose
 * statement reads them nowhere else drops only the answers of the callers a change to them names
 * (TableCache's byCaller; each cache's e2e test reads its plan without liveCaller to hold it so).
 */
export const LIVE_CALLER_TABLES = ['users', 'auth_sessions'] as const;

export interface CallerColumns {
  caller_id: string;
  caller_email: string;
  caller_display_name: string;
  caller_roles: Role[];
  caller_locale: string;
  caller_email_verified: boolean;
}

const accountOf = (row: CallerColumns): Omit<Principal, 'sessionId'> => ({
  id: row.caller_id,
  email: row.caller_email,
  displayName: row.caller_display_name,
  roles: row.caller_roles,
  locale: row.caller_locale,
  emailVerified: row.caller_email_verified,
});

/**
 * The caller a statement with liveCaller read (no row: no live session), admitted by the route's
 * rule as the guard admits (else it throws the guard's 401 or 403), beside the row itself.
 */
export function admitCaller<R extends CallerColumns>(
  check: SessionCheck,
  row: R | undefined,
): { caller: Principal; row: R } {
  const caller = check.admit(row && accountOf(row));
  // admit() threw if there was no row.
  return { caller, row: row as R };
}

/** The account of a row of liveCaller, or undefined for none (the guard's own check). */
export const callerOf = (row: CallerColumns | undefined) => row && accountOf(row);
