import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: the package exports it as an ambient const enum, which isolatedModules cannot read.
const ARGON2ID = 2;

// OWASP's argon2id baseline (19 MiB, 2 passes): about 15 ms here, cheap for users, dear for guessing.
const OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time for an unknown account as for a wrong password.
    await hash(password, OPTIONS);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
