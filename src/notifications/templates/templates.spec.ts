import { LOCALES } from '../../common/i18n/locales';
import { en } from './en';
import { NOTIFICATION_TYPES, render, TEMPLATES } from './index';
import { AWARD_NAMES, ROLE_NAMES } from './labels';

describe('notification templates', () => {
  const payload = {
    participantName: 'Nguyen An',
    guardianName: 'Tran Binh',
    displayName: 'Kim Minji',
    roles: ['coordinator'],
    link: 'http://localhost:3000/x/TOKEN',
    expiresAt: '2026-12-05T00:00:00.000Z',
    roundName: 'Spring 2027',
    penpalName: 'Somchai',
    penpals: [{ name: 'Somchai', country: 'TH' }],
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
    kinds: ['phone', 'link'],
    award: 'runner_up',
    projectTitle: 'Clean Rivers',
    mentorName: 'Dr Siti Rahman',
    organisation: 'Universiti Malaya',
    sector: 'academia',
    members: [{ name: 'Somchai', country: 'TH' }],
    otherName: 'Seoul–Hanoi Crew',
    days: 30,
  };

  /** Every text field a marker of its own, so the fields each rendering uses can be read back. */
  const markers: Record<string, unknown> = {
    ...Object.fromEntries(
      Object.entries(payload)
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
        .map(([k]) => [k, `⟦${k}⟧`]),
    ),
    expiresAt: '2026-12-05T00:00:00.000Z',
    penpals: [{ name: '⟦penpal⟧', country: 'TH' }],
    roles: ['judge'],
    kinds: ['email'],
    award: 'winner',
    members: [{ name: '⟦member⟧', country: 'TH' }],
    sector: 'government',
    reason: '⟦reason⟧',
    count: '⟦count⟧',
    unfinished: '⟦unfinished⟧',
  };
  const used = (text: string) => new Set(text.match(/⟦\w+⟧/g) ?? []);

  it('has every type in all 11 languages and no stray ones', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) {
      expect(Object.keys(TEMPLATES[locale]).sort()).toEqual(Object.keys(en).sort());
    }
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    it.each(NOTIFICATION_TYPES)(
      '%s uses the same placeholders as English in the email and in the inbox',
      (type) => {
        const mine = render(type, locale, markers);
        const english = render(type, 'en', markers);
        expect(used(mine.subject + mine.text)).toEqual(used(english.subject + english.text));
        expect(used(mine.title + mine.body)).toEqual(used(english.title + english.body));
        // Written in this language: not the English text with a few words changed.
        expect(mine.subject).not.toBe(english.subject);
        expect(mine.text).not.toBe(english.text);
      },
    );
  });

  it.each(NOTIFICATION_TYPES)('%s renders every field in every language', (type) => {
    for (const locale of LOCALES) {
      const r = render(type, locale, payload);
      for (const part of [r.subject, r.text, r.title, r.body]) {
        expect(part.trim().length).toBeGreaterThan(0);
        expect(part).not.toMatch(/undefined|null|\[object Object\]|⟦/);
      }
    }
  });

  it('renders an in-app copy that has no link and no expiry without gaps', () => {
    for (const locale of LOCALES) {
      const r = render('guardian.consent_requested', locale, {
        guardianName: 'Tran Binh',
        participantName: 'Nguyen An',
      });
      expect(r.body).toContain('Tran Binh');
      expect(r.body + r.title).not.toMatch(/undefined|null/);
    }
  });

  it('puts the link in emails that carry one', () => {
    for (const locale of LOCALES) {
      for (const type of [
        'guardian.consent_requested',
        'guardian.consent_receipt',
        'staff.invited',
        'auth.verify_email',
        'staff.roles_offered',
        'auth.password_reset',
        'team.invitation',
        'submission.deadline_reminder',
        'letter.delivered',
        'judging.results_published',
      ]) {
        expect(render(type, locale, payload).text).toContain(payload.link);
      }
    }
  });

  it('puts the submission time, as given in the recipient zone, in the receipt', () => {
    for (const locale of LOCALES) {
      expect(render('submission.received', locale, payload).text).toContain(payload.submittedAt);
    }
  });

  it('writes an expiry as the reader writes a date, in UTC', () => {
    expect(render('auth.password_reset', 'en', payload).text).toContain('December 5, 2026');
    expect(render('auth.password_reset', 'id', payload).text).toContain('5 Desember 2026');
    expect(render('auth.password_reset', 'th', payload).text).toContain('2569'); // Buddhist era
    expect(render('auth.password_reset', 'ko', payload).text).toContain('2026년 12월 5일');
    expect(render('auth.password_reset', 'lo', payload).text).toMatch(/ທັນວາ 2026.*UTC/);
  });

  it('falls back to English for a language Kenal does not write in, and reads ko-KR as Korean', () => {
    expect(render('auth.password_reset', 'de', payload).subject).toBe('Reset your Kenal password');
    expect(render('auth.password_reset', 'ko-KR', payload).subject).toBe('Kenal 비밀번호 재설정');
    expect(render('auth.password_reset', 'tl', payload).subject).toBe(
      render('auth.password_reset', 'fil', payload).subject,
    );
  });

  it('names the pen pals with their country in the reader’s language', () => {
    expect(render('penpal.matched', 'en', payload).text).toContain('Somchai (Thailand)');
    expect(render('penpal.matched', 'ko', payload).text).toContain('Somchai (태국)');
    expect(render('penpal.matched', 'lo', payload).text).toContain('Somchai (ໄທ)');
    expect(render('penpal.matched', 'id', payload).text).toContain('Somchai (Thailand)');
    expect(render('penpal.matched', 'zh', payload).text).toContain('Somchai (泰国)');
  });

  it('reads a match row written before countries were codes', () => {
    const legacy = {
      ...payload,
      penpals: [{ name: 'Ari', country: { en: 'Lao PDR', ko: '라오스' } }],
    };
    expect(render('penpal.matched', 'en', legacy).text).toContain('Ari (Lao PDR)');
    expect(render('penpal.matched', 'km', legacy).text).toContain('Ari (ឡាវ)');
  });

  it('names every award in the reader’s language, with no English label inside another', () => {
    for (const award of Object.keys(AWARD_NAMES)) {
      for (const locale of LOCALES) {
        const r = render('judging.results_published', locale, { ...payload, award });
        expect(r.text).toContain(AWARD_NAMES[award][locale]);
        if (locale !== 'en') expect(r.text + r.body).not.toContain(AWARD_NAMES[award].en);
      }
    }
    const ko = render('judging.results_published', 'ko', { ...payload, award: 'runner_up' });
    expect(ko.text).toContain('최우수상을 받았습니다');
    expect(ko.text).not.toMatch(/[A-Za-z]+-?[A-Za-z]*을\(를\)/);
  });

  it('translates an English award label stored before awards were codes', () => {
    const ko = render('judging.results_published', 'ko', { ...payload, award: 'Runner-up' });
    expect(ko.text).toContain('최우수상');
    expect(ko.text).not.toContain('Runner-up');
  });

  it('says "no award" when there is none', () => {
    const r = render('judging.results_published', 'en', { ...payload, award: null });
    expect(r.text).toContain('received no award this time');
  });

  it('names staff roles in the reader’s language (codes, or the text older rows hold)', () => {
    for (const locale of LOCALES) {
      const r = render('staff.invited', locale, { ...payload, roles: ['judge', 'coordinator'] });
      expect(r.text).toContain(ROLE_NAMES.judge[locale]);
      expect(r.text).toContain(ROLE_NAMES.coordinator[locale]);
    }
    expect(render('staff.invited', 'ko', { ...payload, roles: 'judge, admin' }).text).toContain(
      '심사위원, 관리자',
    );
  });

  it('names the kinds of contact details found in a held letter', () => {
    expect(render('letter.held', 'en', payload).text).toContain('a phone number and a link');
    expect(render('letter.held', 'vi', payload).text).toContain('số điện thoại và đường link');
  });

  it('calls a deleted account "Former member" in the reader’s language', () => {
    const erased = {
      ...payload,
      penpalName: 'Former member',
      penpals: [{ name: 'Former member', country: 'KR' }],
    };
    expect(render('penpal.connected', 'en', erased).body).toContain('Former member');
    expect(render('penpal.connected', 'ko', erased).body).toContain('탈퇴한 회원');
    expect(render('penpal.matched', 'lo', erased).body).toContain('ອະດີດສະມາຊິກ');
    expect(render('penpal.matched', 'lo', erased).body).not.toContain('Former member');
  });

  it('refuses an unknown type', () => {
    expect(() => render('nope', 'en', payload)).toThrow(/No template/);
  });
});
