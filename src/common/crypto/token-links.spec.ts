import fc from 'fast-check';
import { maskEveryToken, maskTokens, redactTokens, tokenLink } from './token-links';
import { newToken } from './tokens';

describe('token links', () => {
  const t = newToken();

  it('builds each link from PUBLIC_URL, the path and the token', () => {
    expect(tokenLink('http://kenal.test/', 'teamInvitation', t)).toBe(
      `http://kenal.test/invitations/${t}`,
    );
  });

  it('masks the token of every kind of link, in paths and query strings', () => {
    const cases: [string, string][] = [
      [`/api/v1/auth/password-reset/${t}`, '/api/v1/auth/password-reset/***'],
      [`/api/v1/guardian-consents/${t}/confirm`, '/api/v1/guardian-consents/***/confirm'],
      [`/api/v1/team-invitations/abc/accept?x=1`, '/api/v1/team-invitations/***/accept?x=1'],
      // A kind not listed yet is still masked by the token's shape.
      [`/api/v1/auth/verify-email/${t}`, '/api/v1/auth/verify-email/***'],
      [`/verify?token=abc&lang=ko`, '/verify?token=***&lang=ko'],
      [`/x?resetToken=abc`, '/x?resetToken=***'],
      [`/x?k=${t}`, '/x?k=***'],
    ];
    for (const [url, masked] of cases) expect(maskTokens(url)).toBe(masked);
  });

  it('leaves ordinary URLs alone', () => {
    for (const url of [
      '/api/v1/competitions/3f1c2d9e-1111-4aaa-8bbb-123456789abc/submissions?page=2',
      '/api/v1/teams/3f1c2d9e-1111-4aaa-8bbb-123456789abc/invitations',
      '/api/v1/auth/password-reset',
      '/api/v1/me/guardian-consent/resend',
    ])
      expect(maskTokens(url)).toBe(url);
  });

  it('masks exactly what masking everything masks, with or without anything to mask', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '/',
        '?',
        '&',
        '=',
        '#',
        ' ',
        '"',
        'token',
        'Token',
        'TOKEN',
        '/api/v1/auth/password-reset/',
        '/reset-password/',
        '/Consent/',
        '/invitations/',
        '/team-invitations/',
        '/api/v1/interests',
        t,
      ),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,50}$/),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(maskTokens(text)).toBe(maskEveryToken(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('redacts a payload deeply and keeps everything else', () => {
    const payload = {
      displayName: 'Somchai',
      link: `http://kenal.test/api/v1/auth/password-reset/${t}`,
      expiresAt: '2027-01-01T00:00:00.000Z',
      nested: [{ token: 'abc', n: 3 }],
    };
    expect(redactTokens(payload)).toEqual({
      displayName: 'Somchai',
      link: 'http://kenal.test/api/v1/auth/password-reset/***',
      expiresAt: '2027-01-01T00:00:00.000Z',
      nested: [{ token: '***', n: 3 }],
    });
  });
});
