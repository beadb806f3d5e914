import type { Principal } from './principal';

/** Turns a bearer token into the caller, or null; identity provides it, the guard only asks. */
export abstract class SessionResolver {
  abstract resolve(accessToken: string): Promise<Principal | null>;
}
