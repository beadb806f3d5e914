import { admit, type CallerRule } from './admit';
import type { Principal } from './principal';

/** What a verified access token names: its session is still to be checked against the database. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/** The account behind a live session, as a session check reads it. */
export type SessionAccount = Omit<Principal, 'sessionId'>;

/**
 * The process's memory of live sessions (identity's SessionTokens keeps it, dropped by
 * PostgreSQL's notifications of every change to sessions and accounts).
 */
export interface KnownSessions {
  /** The account of these claims' session while it is live and known here, else undefined. */
  known(claims: SessionClaims): SessionAccount | undefined;
  /** Taken before a statement reads the session, handed back to keep(). */
  ticket(): number;
  keep(claims: SessionClaims, ticket: number, account: SessionAccount): void;
}

/**
 * Handed to a @SessionInStatement() route instead of its caller: the route's own statement checks
 * the session (identity's LIVE_CALLER fragment) and passes what it read to admit(), which answers
 * as the guard would (401, 403 for a role or an unverified address) and only then names the caller
 * on the request, where the guard would have named it. A route that keeps its answers in memory
 * asks known() first: the caller without any statement, when this process knows the session.
 */
export class SessionCheck {
  /** Taken as the request arrives, before the route's statement can read the session. */
  private readonly ticket: number;

  constructor(
    readonly claims: SessionClaims,
    private readonly rule: CallerRule,
    private readonly request: { principal?: Principal },
    private readonly sessions?: KnownSessions,
  ) {
    this.ticket = sessions?.ticket() ?? -1;
  }

  /** The account the statement found behind the live session, or undefined when it found none. */
  admit(account: SessionAccount | undefined): Principal {
    if (account) this.sessions?.keep(this.claims, this.ticket, account);
    return this.admitted(account);
  }

  /**
   * The caller, admitted by the route's rule (the same 401 or 403 as admit), when this process
   * knows the live session; undefined when it does not (the statement must check it).
   */
  known(): Principal | undefined {
    const account = this.sessions?.known(this.claims);
    return account && this.admitted(account);
  }

  private admitted(account: SessionAccount | undefined): Principal {
    const principal = account ? { ...account, sessionId: this.claims.sessionId } : undefined;
    if (principal) this.request.principal = principal;
    return admit(principal, this.rule, true);
  }
}
