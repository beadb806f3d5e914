import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/** The JWT secret as one key object for the life of the process (signing and checking). */
export const jwtKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'utf8'));

/** The header jsonwebtoken writes for HS256, base64url: the only one an access token may carry. */
const HS256_HEADER = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');

/**
 * The claims of an HS256 access token this process's key signed and whose `exp` (and `nbf`, if
 * any) admit the time, else null. jsonwebtoken's verify does the same checks for these tokens, at
 * several times the CPU on every authenticated request: it parses the header, looks the key up
 * through a callback, compares signatures through a string round trip and merges options.
 */
export function verifyAccessJwt<T extends object>(
  token: string,
  key: KeyObject,
  // Wall time, as jsonwebtoken stamps and checks these tokens: not the injectable CLOCK, which
  // tests move days ahead while the tokens they hold were issued now.
  nowMs = Date.now(),
): (T & { exp: number }) | null {
  const dot = token.indexOf('.');
  const dot2 = token.indexOf('.', dot + 1);
  if (dot < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) return null;
  if (token.slice(0, dot) !== HS256_HEADER) return null;
  const signature = Buffer.from(token.slice(dot2 + 1), 'base64url');
  const expected = createHmac('sha256', key).update(token.slice(0, dot2)).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(token.slice(dot + 1, dot2), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
  // jsonwebtoken compares whole seconds: expired from the second `exp` on, valid from `nbf` on.
  const now = Math.floor(nowMs / 1000);
  if (typeof exp !== 'number' || now >= exp) return null;
  if (nbf !== undefined && (typeof nbf !== 'number' || now < nbf)) return null;
  return claims as T & { exp: number };
}
