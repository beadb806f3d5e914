import { consentPage, setPasswordPage, wantsHtml, withdrawPage } from './link-pages';

describe('link pages', () => {
  it('escapes names, so a display name cannot inject markup', () => {
    const html = consentPage('tok', {
      participantName: '<script>alert(1)</script>',
      guardianName: 'A & B',
    });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('A &amp; B');
    expect(html).toContain('action="/api/v1/guardian-consents/tok/confirm"');
  });
  it('says plainly when a consent link no longer works', () => {
    expect(consentPage('tok', null)).toContain('no longer works');
  });
  it('offers the guardian a withdrawal form, escaped, and says when it is done', () => {
    const view = { participantName: '<b>x</b>', guardianName: 'G', withdrawn: false };
    const html = withdrawPage('tok', view);
    expect(html).toContain('action="/api/v1/guardian-consents/tok/withdraw"');
    expect(html).not.toContain('<b>x</b>');
    expect(withdrawPage('tok', { ...view, withdrawn: true })).toContain('Consent withdrawn');
    expect(withdrawPage('tok', null)).toContain('no longer works');
  });
  it('posts the password form back to the same route', () => {
    expect(setPasswordPage('abc')).toContain('action="/api/v1/auth/password-reset/abc"');
  });
  it('answers HTML only to a browser form post', () => {
    expect(
      wantsHtml({ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,*/*' }),
    ).toBe(true);
    expect(wantsHtml({ 'content-type': 'application/json', accept: 'text/html' })).toBe(false);
    expect(
      wantsHtml({
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      }),
    ).toBe(false);
  });
});
