import { hash, verify, argon2id } from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, cheap for users, dear for guessing.
const OPTIONS = { type: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time for an unknown account as for a wrong password.
    await hash(password, OPTIONS);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
