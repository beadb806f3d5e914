import { admit, type CallerRule } from './admit';
import type { Principal } from './principal';

/** What a verified access token names: its session is still to be checked against the database. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/**
 * Handed to a @SessionInStatement() route instead of its caller: the route's own statement checks
 * the session (identity's LIVE_CALLER fragment) and passes what it read to admit(), which answers
 * as the guard would (401, 403 for a role or an unverified address) and only then names the caller
 * on the request, where the guard would have named it.
 */
export class SessionCheck {
  constructor(
    readonly claims: SessionClaims,
    private readonly rule: CallerRule,
    private readonly request: { principal?: Principal },
  ) {}

  /** The account the statement found behind the live session, or undefined when it found none. */
  admit(account: Omit<Principal, 'sessionId'> | undefined): Principal {
    const principal = account ? { ...account, sessionId: this.claims.sessionId } : undefined;
    if (principal) this.request.principal = principal;
    return admit(principal, this.rule, true);
  }
}
