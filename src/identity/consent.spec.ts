import { consentStatus, mayParticipate, needsConsentEmail } from './consent';

describe('consentStatus', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  it('needs no consent from an adult', () => {
    expect(consentStatus({ dateOfBirth: '2000-01-01', latest: null }, now)).toBe('not_required');
  });
  it('is missing for a minor without a request and pending until confirmed', () => {
    expect(consentStatus({ dateOfBirth: '2012-05-05', latest: null }, now)).toBe('missing');
    expect(consentStatus({ dateOfBirth: '2012-05-05', latest: { confirmedAt: null } }, now)).toBe(
      'pending',
    );
    expect(consentStatus({ dateOfBirth: '2012-05-05', latest: { confirmedAt: now } }, now)).toBe(
      'confirmed',
    );
  });
  it('is withdrawn once the guardian takes it back, confirmed or not', () => {
    for (const confirmedAt of [now, null]) {
      expect(
        consentStatus(
          { dateOfBirth: '2012-05-05', latest: { confirmedAt, withdrawnAt: now } },
          now,
        ),
      ).toBe('withdrawn');
    }
    expect(mayParticipate('withdrawn')).toBe(false);
  });
  it('is missing without a profile', () => {
    expect(consentStatus({ dateOfBirth: null, latest: null }, now)).toBe('missing');
  });
  it('lets only adults and confirmed minors take part', () => {
    expect(mayParticipate('not_required')).toBe(true);
    expect(mayParticipate('confirmed')).toBe(true);
    expect(mayParticipate('pending')).toBe(false);
    expect(mayParticipate('missing')).toBe(false);
  });
});

describe('needsConsentEmail', () => {
  const now = new Date('2027-01-10T00:00:00Z');
  const guardian = { name: 'Ibu', email: 'ibu@kenal.test' };
  const live = {
    guardianName: 'Ibu',
    guardianEmail: 'ibu@kenal.test',
    confirmedAt: null,
    expiresAt: new Date('2027-01-20T00:00:00Z'),
  };

  it('asks a first guardian, and another guardian, but not the same one while a link works', () => {
    expect(needsConsentEmail(null, guardian, false, now)).toBe(true);
    expect(needsConsentEmail(live, guardian, false, now)).toBe(false);
    expect(needsConsentEmail(live, { ...guardian, email: 'other@kenal.test' }, false, now)).toBe(
      true,
    );
  });

  it('asks again on a resend or once the link expired, never after a confirmation', () => {
    expect(needsConsentEmail(live, guardian, true, now)).toBe(true);
    expect(needsConsentEmail({ ...live, expiresAt: now }, guardian, false, now)).toBe(true);
    expect(needsConsentEmail({ ...live, confirmedAt: now }, guardian, true, now)).toBe(false);
  });

  it('asks the same guardian again once they withdrew, confirmed before or not', () => {
    const withdrawn = { ...live, confirmedAt: now, withdrawnAt: now };
    expect(needsConsentEmail(withdrawn, guardian, false, now)).toBe(true);
    expect(needsConsentEmail({ ...withdrawn, confirmedAt: null }, guardian, false, now)).toBe(true);
  });
});
