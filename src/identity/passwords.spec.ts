import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id in the PHC format and verifies', async () => {
    const stored = await hashPassword('correct-horse-battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong-horse-battery')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });

  it('answers false, not an error, for no stored hash or a malformed one', async () => {
    expect(await verifyPassword(null, 'anything-at-all')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything-at-all')).toBe(false);
  });

  it('verifies hashes written by the earlier argon2 binding (same PHC strings)', async () => {
    const earlier =
      '$argon2id$v=19$m=19456,t=2,p=1$088CslbgQktvlGcD1Plylg$S4dOBHhbdcKWkYNRTDmOaZtkmBQBjFPsnXRp3C7JpII';
    expect(await verifyPassword(earlier, 'password123')).toBe(true);
  });
});
