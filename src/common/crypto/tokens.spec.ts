import { hashToken, newToken, openWithToken, sealWithToken } from './tokens';

describe('tokens', () => {
  it('are URL-safe, long and unique', () => {
    const seen = new Set(Array.from({ length: 1000 }, newToken));
    expect(seen.size).toBe(1000);
    for (const t of seen) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
  it('hash to a stable sha256 hex digest that is not the token', () => {
    const t = newToken();
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toContain(t);
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('seal with a token: only that token opens it, tampering is refused', () => {
    const t = newToken();
    const sealed = sealWithToken(t, '{"refreshToken":"x"}');
    expect(sealed).not.toContain('refreshToken');
    expect(openWithToken(t, sealed)).toBe('{"refreshToken":"x"}');
    expect(openWithToken(newToken(), sealed)).toBeNull();
    expect(openWithToken(hashToken(t), sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(openWithToken(t, [iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
    expect(openWithToken(t, 'garbage')).toBeNull();
  });
});
