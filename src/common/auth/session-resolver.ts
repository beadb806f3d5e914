import type { Principal } from './principal';
import type { KnownSessions, SessionAccount, SessionClaims } from './session-check';

/** Turns a bearer token into the caller, or null; identity provides it, the guard only asks. */
export abstract class SessionResolver implements KnownSessions {
  abstract resolve(accessToken: string): Promise<Principal | null>;
  /** The token's claims if its signature and times hold, else null: no database read. */
  abstract claims(accessToken: string): SessionClaims | null;
  abstract known(claims: SessionClaims): SessionAccount | undefined;
  abstract ticket(): number;
  abstract keep(claims: SessionClaims, ticket: number, account: SessionAccount): void;
}
