import { eligibilityProblems, MemberFacts } from './eligibility';

const at = new Date('2027-03-01T00:00:00Z');
const member = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  userId: 'u',
  displayName: 'Member',
  country: 'TH',
  dateOfBirth: '2000-01-01',
  consent: 'not_required',
  ...over,
});
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('eligibilityProblems', () => {
  it('accepts a mixed team of adults', () => {
    const team = [member({ country: 'KR' }), member({ country: 'VN' })];
    expect(eligibilityProblems({ requireMixedTeam: true, minTeamSize: 2 }, team, at)).toEqual([]);
  });

  it('refuses a Korea-only team when a mixed team is required', () => {
    const team = [member({ country: 'KR' }), member({ country: 'KR' })];
    const problems = eligibilityProblems({ requireMixedTeam: true }, team, at);
    expect(codes(problems)).toEqual(['NOT_ELIGIBLE']);
    expect(problems[0].path).toBe('team');
    expect(problems[0].message).toMatch(/missing: ASEAN/);
  });

  it('refuses an ASEAN-only team when a mixed team is required', () => {
    const problems = eligibilityProblems({ requireMixedTeam: true }, [member(), member()], at);
    expect(problems[0].message).toMatch(/missing: Korea/);
  });

  it('checks team size both ways', () => {
    expect(codes(eligibilityProblems({ minTeamSize: 2 }, [member()], at))).toEqual([
      'NOT_ELIGIBLE',
    ]);
    expect(
      eligibilityProblems({ maxTeamSize: 2 }, [member(), member(), member()], at)[0].message,
    ).toMatch(/at most 2/);
  });

  it('checks age on the submission date, at the boundaries', () => {
    const rules = { minAge: 15, maxAge: 24 };
    expect(eligibilityProblems(rules, [member({ dateOfBirth: '2012-03-01' })], at)).toEqual([]);
    expect(codes(eligibilityProblems(rules, [member({ dateOfBirth: '2012-03-02' })], at))).toEqual([
      'NOT_ELIGIBLE',
    ]);
    expect(eligibilityProblems(rules, [member({ dateOfBirth: '2002-03-02' })], at)).toEqual([]);
    // Teammates read it: the member is named, their age and birth date are not.
    const message = eligibilityProblems(rules, [member({ dateOfBirth: '2002-03-01' })], at)[0]
      .message;
    expect(message).toMatch(/outside this competition's age range \(15 to 24\)/);
    expect(message).not.toMatch(/25|2002/);
  });

  it('checks countries against the allowed list', () => {
    expect(
      eligibilityProblems({ countries: ['KR', 'TH'] }, [member({ country: 'VN' })], at)[0].path,
    ).toBe('team.members[0]');
  });

  it('asks for guardian consent of a minor without it, one entry per member', () => {
    const team = [
      member({ dateOfBirth: '2012-01-01', consent: 'pending', displayName: 'A' }),
      member({ dateOfBirth: '2012-01-01', consent: 'confirmed' }),
      member({ dateOfBirth: '2012-01-01', consent: 'missing', displayName: 'C' }),
    ];
    const problems = eligibilityProblems({}, team, at);
    expect(codes(problems)).toEqual(['GUARDIAN_CONSENT_REQUIRED', 'GUARDIAN_CONSENT_REQUIRED']);
    expect(problems.map((p) => p.path)).toEqual(['team.members[0]', 'team.members[2]']);
  });

  it('names a member without a profile and lists every problem at once', () => {
    const team = [member({ country: null, dateOfBirth: null, consent: 'missing' })];
    const problems = eligibilityProblems({ requireMixedTeam: true, minTeamSize: 2 }, team, at);
    expect(problems).toHaveLength(3);
    expect(problems[1].message).toMatch(/not completed their profile/);
  });
});
