import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/** A URL-safe secret for emailed links and refresh tokens (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as sha256 digests: a copy of the table lets no one in. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

const sealKey = (token: string): Buffer =>
  createHmac('sha256', token).update('kenal:seal-with-token').digest();

/**
 * Encrypts `plaintext` (AES-256-GCM) under a key derived from `token`: only someone holding the
 * token itself opens it, not someone holding its stored hash.
 */
export function sealWithToken(token: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(token), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The plaintext of `sealWithToken`, or null when the token or the sealed text is not the one. */
export function openWithToken(token: string, sealed: string): string | null {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(token), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
