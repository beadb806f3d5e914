import { en } from './en';
import { render } from './index';
import { ko } from './ko';

describe('notification templates', () => {
  const payload = {
    participantName: 'Nguyen An',
    guardianName: 'Tran Binh',
    displayName: 'Kim Minji',
    roles: 'coordinator',
    link: 'http://localhost:3000/x/TOKEN',
    expiresAt: '2026-12-05T00:00:00.000Z',
    roundName: 'Spring 2027',
    penpalName: 'Somchai',
    penpals: [{ name: 'Somchai', country: { en: 'Thailand', ko: '태국' } }],
    inviterName: 'Kim Minji',
    teamName: 'Seoul–Hanoi Crew',
    competitionTitle: 'Short Movies 2027',
    submissionTitle: 'Two Rivers',
    submittedAt: '2027-03-01 23:59 (Asia/Jakarta, UTC+07:00)',
    withdrawnAt: '2027-03-02 10:00 (Asia/Seoul, UTC+09:00)',
    closesAt: '2027-03-31 23:59 (Asia/Jakarta, UTC+07:00)',
    actorName: 'Nguyen An',
    version: 4,
    hoursBefore: 24,
  };

  it('has a Korean template for every English one, and no stray ones', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s renders every field without placeholders left over', (type) => {
    for (const locale of ['en', 'ko']) {
      const r = render(type, locale, payload);
      for (const part of [r.subject, r.text, r.title, r.body]) {
        expect(part.length).toBeGreaterThan(0);
        expect(part).not.toMatch(/undefined|\[object Object\]/);
      }
    }
  });

  it('puts the link in emails that carry one', () => {
    expect(render('guardian.consent_requested', 'en', payload).text).toContain(payload.link);
    expect(render('staff.invited', 'ko', payload).text).toContain(payload.link);
    expect(render('auth.verify_email', 'ko', payload).text).toContain(payload.link);
    expect(render('staff.roles_offered', 'en', payload).text).toContain(payload.link);
    expect(render('team.invitation', 'en', payload).text).toContain(payload.link);
    expect(render('submission.deadline_reminder', 'ko', payload).text).toContain(payload.link);
  });

  it('puts the submission time, as given in the recipient zone, in the receipt', () => {
    expect(render('submission.received', 'en', payload).text).toContain(payload.submittedAt);
    expect(render('submission.received', 'ko', payload).text).toContain(payload.submittedAt);
  });

  it('falls back to English for a locale without templates, and picks ko-KR as Korean', () => {
    expect(render('auth.password_reset', 'th', payload).subject).toBe('Reset your Kenal password');
    expect(render('auth.password_reset', 'ko-KR', payload).subject).toBe('Kenal 비밀번호 재설정');
  });

  it('names the pen pals and their countries in the match email', () => {
    expect(render('penpal.matched', 'en', payload).text).toContain('Somchai (Thailand)');
    expect(render('penpal.matched', 'ko', payload).text).toContain('Somchai (태국)');
  });

  it('refuses an unknown type', () => {
    expect(() => render('nope', 'en', payload)).toThrow(/No template/);
  });
});
