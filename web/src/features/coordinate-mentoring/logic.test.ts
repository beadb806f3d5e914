import { describe, expect, it } from 'vitest';
import { byTeam, entryName, introduced, ruleFor } from './logic';
import type { Match, RoundDetail } from './queries';

const match = (id: string, submissionId: string, mentor: string): Match => ({
  id,
  teamId: `team-${submissionId}`,
  submissionId,
  teamName: `Team ${submissionId}`,
  mentor: { userId: mentor, displayName: mentor, organisation: 'Org', sector: 'academia' },
  score: 50,
  reasons: [],
  pinned: false,
});

describe('byTeam', () => {
  it('gathers the pairs of each team in the order the API gives them', () => {
    const teams = byTeam([match('1', 'a', 'm1'), match('2', 'b', 'm1'), match('3', 'a', 'm2')]);
    expect(teams.map((t) => [t.submissionId, t.matches.map((m) => m.id)])).toEqual([
      ['a', ['1', '3']],
      ['b', ['2']],
    ]);
    expect(teams[0]).toMatchObject({ teamId: 'team-a', teamName: 'Team a' });
  });
  it('is empty for no pairs', () => {
    expect(byTeam([])).toEqual([]);
  });
});

describe('introduced', () => {
  it('counts each team and each mentor once, however many pairs they are in', () => {
    expect(
      introduced([match('1', 'a', 'm1'), match('2', 'b', 'm1'), match('3', 'a', 'm2')]),
    ).toEqual({ teams: 2, mentors: 2 });
    expect(introduced([])).toEqual({ teams: 0, mentors: 0 });
  });
});

describe('entryName and ruleFor', () => {
  const round = {
    teamEntries: [
      {
        submissionId: 's1',
        teamId: 't1',
        teamName: 'Mekong Makers',
        projectTitle: 'Clean Wells',
        sdgs: [6],
        targetCountries: ['LA'],
      },
    ],
    rules: [{ id: 'r1', submissionId: 's1', mentorId: 'm1', type: 'forbid', createdAt: '' }],
  } as unknown as RoundDetail;
  it('names a team entry by team and project, or by a short id when unknown', () => {
    expect(entryName(round, 's1')).toBe('Mekong Makers — Clean Wells');
    expect(entryName(round, '12345678-aaaa')).toBe('12345678');
    expect(entryName(undefined, 's1')).toBe('s1');
  });
  it('finds the rule set for exactly that pair', () => {
    expect(ruleFor(round, 's1', 'm1')).toBe('forbid');
    expect(ruleFor(round, 's1', 'm2')).toBeUndefined();
    expect(ruleFor(undefined, 's1', 'm1')).toBeUndefined();
  });
});
