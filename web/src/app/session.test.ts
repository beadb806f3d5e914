import { beforeEach, describe, expect, it } from 'vitest';
import { getAccessToken, getRefreshToken, refreshSession, startSession } from './session';

describe('refreshSession', () => {
  beforeEach(() => localStorage.clear());

  it('presents the token stored at the time it runs, one exchange at a time, never one token twice', async () => {
    startSession({ accessToken: 'a0', refreshToken: 'r0' });
    const presented: string[] = [];
    let n = 0;
    const exchange = async (token: string) => {
      presented.push(token);
      await new Promise((r) => setTimeout(r, 5));
      n += 1;
      return { accessToken: `a${n}`, refreshToken: `r${n}` };
    };
    // Two callers at once in this tab share one exchange.
    const [a, b] = await Promise.all([refreshSession(exchange), refreshSession(exchange)]);
    expect([a, b]).toEqual([true, true]);
    expect(presented).toEqual(['r0']);
    // Another tab rotated the token meanwhile: the next refresh reads the newer one.
    localStorage.setItem('kenal.refreshToken', 'r-from-other-tab');
    await refreshSession(exchange);
    expect(presented).toEqual(['r0', 'r-from-other-tab']);
    expect(getAccessToken()).toBe('a2');
    expect(getRefreshToken()).toBe('r2');
  });

  it('a refused token ends the session', async () => {
    startSession({ accessToken: 'a0', refreshToken: 'r0' });
    expect(await refreshSession(async () => null)).toBe(false);
    expect(getAccessToken()).toBeNull();
    expect(getRefreshToken()).toBeNull();
  });
});
