import { consentStatus, mayParticipate } from './consent';

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
