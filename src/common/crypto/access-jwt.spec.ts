import { sign } from 'jsonwebtoken';
import { jwtKey, verifyAccessJwt } from './access-jwt';

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
