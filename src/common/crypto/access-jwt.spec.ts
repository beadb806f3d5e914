import { sign } from 'jsonwebtoken';
import { CheckedAccessTokens, jwtKey, verifyAccessJwt } from './access-jwt';

const SECRET = 'a-secret-of-at-least-sixteen-characters';
const key = jwtKey(SECRET);
const claims = { sub: 'user-1', sid: 'session-1' };
const now = Date.UTC(2026, 0, 1, 12);
const at = (ms: number) => Math.floor(ms / 1000);
/** As JwtService signs access tokens: HS256, iat and exp in whole seconds. */
const token = (payload: object, secret: string | ReturnType<typeof jwtKey> = key, alg = 'HS256') =>
  sign({ iat: at(now), exp: at(now) + 900, ...payload }, secret, {
    algorithm: alg as 'HS256',
  });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyAccessJwt', () => {
  it('gives the claims of a token jsonwebtoken signed with the key, until it expires', () => {
    expect(verifyAccessJwt(token(claims), key, now)).toMatchObject(claims);
    expect(verifyAccessJwt(token(claims), key, now + 899_999)).toMatchObject(claims);
    expect(verifyAccessJwt(token(claims), key, now + 900_000)).toBeNull();
  });

  it('refuses another key, another algorithm and alg none', () => {
    expect(verifyAccessJwt(token(claims, 'another-secret-of-sixteen+'), key, now)).toBeNull();
    expect(verifyAccessJwt(token(claims, SECRET, 'HS512'), key, now)).toBeNull();
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: at(now) + 60 })}.`;
    expect(verifyAccessJwt(unsigned, key, now)).toBeNull();
  });

  it('refuses a changed payload or signature, and what is not three parts', () => {
    const [header, , signature] = token(claims).split('.');
    const forged = `${header}.${b64({ ...claims, sub: 'admin', exp: at(now) + 900 })}.${signature}`;
    expect(verifyAccessJwt(forged, key, now)).toBeNull();
    const good = token(claims);
    expect(verifyAccessJwt(`${good.slice(0, -2)}AA`, key, now)).toBeNull();
    expect(verifyAccessJwt(`${good}.x`, key, now)).toBeNull();
    expect(verifyAccessJwt(good.split('.').slice(0, 2).join('.'), key, now)).toBeNull();
    expect(verifyAccessJwt('', key, now)).toBeNull();
  });

  it('refuses a token without exp, or not valid before a later nbf', () => {
    const noExp = sign(claims, key, { algorithm: 'HS256', noTimestamp: true });
    expect(verifyAccessJwt(noExp, key, now)).toBeNull();
    expect(verifyAccessJwt(token({ ...claims, nbf: at(now) + 10 }), key, now)).toBeNull();
    expect(verifyAccessJwt(token({ ...claims, nbf: at(now) }), key, now)).toMatchObject(claims);
  });
});

describe('CheckedAccessTokens', () => {
  /** Counts the verifications: `read` runs once for each token verified in full. */
  const checker = (capacity?: number) => {
    const reads: unknown[] = [];
    const tokens = new CheckedAccessTokens(
      key,
      (c) => (reads.push(c.sub), typeof c.sub === 'string' ? { userId: c.sub } : null),
      capacity,
    );
    return { tokens, reads };
  };

  it('verifies a token once, then admits it from memory only until it expires', () => {
    const { tokens, reads } = checker();
    const t = token(claims);
    expect(tokens.claims(t, now)).toEqual({ userId: 'user-1' });
    expect(tokens.claims(t, now + 899_999)).toEqual({ userId: 'user-1' });
    expect(reads).toHaveLength(1);
    expect(tokens.claims(t, now + 900_000)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('checks a remembered token against its nbf again (a clock set back)', () => {
    const { tokens } = checker();
    const t = token({ ...claims, nbf: at(now) });
    expect(tokens.claims(t, now)).toEqual({ userId: 'user-1' });
    expect(tokens.claims(t, now - 1000)).toBeNull();
  });

  it('remembers nothing it refuses: a forged token, another key, claims read as null', () => {
    const { tokens } = checker();
    const [header, , signature] = token(claims).split('.');
    const forged = `${header}.${b64({ ...claims, sub: 'admin', exp: at(now) + 900 })}.${signature}`;
    expect(tokens.claims(forged, now)).toBeNull();
    expect(tokens.claims(token(claims, 'another-secret-of-sixteen+'), now)).toBeNull();
    expect(tokens.claims(token({ sub: 7 }), now)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('keeps at most `capacity` tokens, forgetting the oldest first', () => {
    const { tokens, reads } = checker(2);
    const [t1, t2, t3] = ['user-1', 'user-2', 'user-3'].map((sub) => token({ ...claims, sub }));
    for (const t of [t1, t2, t3]) tokens.claims(t, now);
    expect(tokens.size).toBe(2);
    expect(tokens.claims(t3, now)).toEqual({ userId: 'user-3' });
    expect(reads).toHaveLength(3);
    expect(tokens.claims(t1, now)).toEqual({ userId: 'user-1' });
    expect(reads).toHaveLength(4);
  });
});
