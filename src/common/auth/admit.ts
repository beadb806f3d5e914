import type { Role } from './roles';
import { emailUnverified, forbidden, unauthenticated } from '../errors/app-error';
import type { Principal } from './principal';

/** What a route asks of its caller once signed in (its @Roles and @VerifiedEmail). */
export interface CallerRule {
  roles: Role[] | undefined;
  verifiedEmail: boolean;
}

/** The 401 of a request without a live session: `tokenGiven` tells a bad token from none. */
export const noCaller = (tokenGiven: boolean) =>
  unauthenticated(tokenGiven ? 'The access token is invalid or expired' : undefined);

/**
 * The caller of a live session, or the error the route answers: the one rule of the guard and of
 * the routes that check their session in their own statement (@SessionInStatement).
 */
export function admit(
  principal: Principal | null | undefined,
  rule: CallerRule,
  tokenGiven: boolean,
): Principal {
  if (!principal) throw noCaller(tokenGiven);
  const roles = rule.roles;
  if (roles && !roles.some((r) => principal.roles.includes(r))) {
    throw forbidden(`This needs one of the roles: ${roles.join(', ')}`);
  }
  if (!principal.emailVerified && rule.verifiedEmail) throw emailUnverified();
  return principal;
}
