import fc from 'fast-check';
import { AppError } from '../errors/app-error';
import { admit, type CallerRule } from './admit';
import type { Principal } from './principal';
import { ROLES } from './roles';
import { SessionCheck } from './session-check';

/** The guard's rule as it was written before admit() was drawn out of it (the reference). */
function reference(p: Principal | undefined, rule: CallerRule, tokenGiven: boolean) {
  if (!p)
    return [401, 'UNAUTHENTICATED', tokenGiven ? 'The access token is invalid or expired' : null];
  if (rule.roles && !rule.roles.some((r) => p.roles.includes(r)))
    return [403, 'FORBIDDEN', `This needs one of the roles: ${rule.roles.join(', ')}`];
  if (!p.emailVerified && rule.verifiedEmail) return [403, 'EMAIL_UNVERIFIED', null];
  return 'admitted';
}

const outcome = (run: () => Principal) => {
  try {
    run();
    return 'admitted';
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return [e.status, e.code, e.message];
  }
};
const loosely = (r: ReturnType<typeof reference>) =>
  r === 'admitted' ? r : [r[0], r[1], r[2] ?? expect.any(String)];

const roles = fc.uniqueArray(fc.constantFrom(...ROLES));
const account = fc.record({
  id: fc.uuid(),
  email: fc.emailAddress(),
  displayName: fc.string(),
  roles,
  locale: fc.constantFrom('en', 'ko'),
  emailVerified: fc.boolean(),
});
const rule = fc.record({
  roles: fc.option(
    roles.filter((r) => r.length > 0),
    { nil: undefined },
  ),
  verifiedEmail: fc.boolean(),
});

describe('admit (the guard and @SessionInStatement routes share it)', () => {
  it('answers what the guard answered: 401, then a missing role, then an unproved address', () => {
    fc.assert(
      fc.property(fc.option(account, { nil: undefined }), rule, fc.boolean(), (a, r, token) => {
        const p = a && { ...a, sessionId: 's' };
        expect(outcome(() => admit(p, r, token))).toEqual(loosely(reference(p, r, token)));
      }),
    );
  });

  it('a SessionCheck admits what its statement read by its route rule, naming the caller on the request', () => {
    fc.assert(
      fc.property(fc.option(account, { nil: undefined }), rule, fc.uuid(), (a, r, sessionId) => {
        const request: { principal?: Principal } = {};
        const check = new SessionCheck({ userId: a?.id ?? 'x', sessionId }, r, request);
        const expected = a && { ...a, sessionId };
        expect(outcome(() => check.admit(a))).toEqual(loosely(reference(expected, r, true)));
        // Named whenever the guard named it: before the role and address checks, as it did.
        expect(request.principal).toEqual(expected);
      }),
    );
  });
});
