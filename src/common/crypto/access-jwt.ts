import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { BoundedMap } from '../bounded-map';

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
  if (typeof exp !== 'number' || (nbf !== undefined && typeof nbf !== 'number')) return null;
  return inTime(exp, nbf, nowMs) ? (claims as T & { exp: number }) : null;
}

/** jsonwebtoken compares whole seconds: expired from the second `exp` on, valid from `nbf` on. */
function inTime(exp: number, nbf: number | undefined, nowMs: number): boolean {
  const now = Math.floor(nowMs / 1000);
  return now < exp && (nbf === undefined || now >= nbf);
}

/**
 * verifyAccessJwt remembering the tokens it admitted (what `read` made of their claims): a caller
 * sends the same token with every request until it expires (15 min), and the HMAC, the base64 and
 * JSON decoding were ~5 µs of each (a lookup: ~0.4). Only the signature check is remembered, a fact
 * of the token and this process's key: `exp` and `nbf` are checked again on every use, and whether
 * the session is live is the database's answer on every request, as before. At most `capacity`
 * tokens, the oldest forgotten first; a token not remembered is verified in full. 2,000 by default
 * (~0.5 MB): the API's RSS has only a few MB of margin under bench:submissions' 150 MB.
 */
export class CheckedAccessTokens<T extends object> {
  private readonly admitted: BoundedMap<string, { value: T; exp: number; nbf?: number }>;

  constructor(
    private readonly key: KeyObject,
    private readonly read: (claims: Record<string, unknown>) => T | null,
    capacity = 2_000,
  ) {
    this.admitted = new BoundedMap(capacity);
  }

  /** What `read` made of the claims of a token verifyAccessJwt admits at nowMs, else null. */
  claims(token: string, nowMs = Date.now()): T | null {
    const known = this.admitted.get(token);
    if (known) {
      if (inTime(known.exp, known.nbf, nowMs)) return known.value;
      this.admitted.delete(token);
      return null;
    }
    const claims = verifyAccessJwt<Record<string, unknown> & { nbf?: number }>(
      token,
      this.key,
      nowMs,
    );
    const value = claims && this.read(claims);
    if (!value) return null;
    this.admitted.set(token, { value: Object.freeze(value), exp: claims.exp, nbf: claims.nbf });
    return value;
  }

  /** How many tokens are remembered (for tests). */
  get size(): number {
    return this.admitted.size;
  }
}
