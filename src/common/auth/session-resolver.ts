import type { Principal } from './principal';
import type { SessionClaims } from './session-check';

/** Turns a bearer token into the caller, or null; identity provides it, the guard only asks. */
export abstract class SessionResolver {
  abstract resolve(accessToken: string): Promise<Principal | null>;
  /** The token's claims if its signature and times hold, else null: no database read. */
  abstract claims(accessToken: string): SessionClaims | null;
}
