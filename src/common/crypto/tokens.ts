import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe secret for emailed links and refresh tokens (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as sha256 digests: a copy of the table lets no one in. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');
