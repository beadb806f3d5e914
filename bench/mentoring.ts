/**
 * Mentoring matching at programme scale.
 *
 *   npm run bench:mentoring -- [--teams 2000] [--mentors 600] [--per-team 2] [--seed 1] [--json]
 *
 * Times the exact solve (target < 1 s) twice in one process: "cold" pays V8's compilation as a
 * fresh worker would, "warm" is a second call on the same data. CPU time is printed beside wall
 * time because shared machines inflate wall time; the load average is printed with them. The
 * answer is checked too: capacities, institution conflicts, and the same pairs both times.
 */
import { loadavg } from 'node:os';
import { institutionConflict, matchMentors, type MentoringResult } from '../src/mentoring/core';
import { mentoringInstance } from './lib/mentoring-data';
import { numberArg as arg, timed } from './lib/cli';
import { measuring, summarise } from './lib/summary';

const json = process.argv.includes('--json');
const teamsCount = arg('teams', 2000);
const mentorsCount = arg('mentors', 600);
const perTeam = arg('per-team', 2);
const seed = arg('seed', 1);

const r1 = (x: number) => Math.round(x * 10) / 10;

const { teams, mentors } = mentoringInstance({ teams: teamsCount, mentors: mentorsCount, seed });
const input = { teams, mentors, mentorsPerTeam: perTeam, pins: [], forbids: [] };
measuring();
const cold = timed(() => matchMentors(input));
const warm = timed(() => matchMentors(input));
const result: MentoringResult = cold.value;

const load = new Map<string, number>();
for (const p of result.pairs) load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
const overCapacity = mentors.filter((m) => (load.get(m.id) ?? 0) > m.capacity).length;
const teamById = new Map(teams.map((t) => [t.id, t]));
const mentorById = new Map(mentors.map((m) => [m.id, m]));
const conflicts = result.pairs.filter((p) =>
  institutionConflict(teamById.get(p.submissionId)!, mentorById.get(p.mentorId)!),
).length;
const same = JSON.stringify(warm.value.pairs) === JSON.stringify(result.pairs);
const figures = {
  teams: teamsCount,
  mentors: mentorsCount,
  perTeam,
  pairs: result.stats.pairs,
  teamsShort: result.stats.teamsShort,
  mixedTeams: result.stats.mixedTeams,
  meanScore: result.stats.meanScore,
  candidatePairs: result.stats.candidatePairs,
  pricedRounds: result.stats.pricedRounds,
  pivots: result.stats.pivots,
  coldWallMs: r1(cold.wallMs),
  coldCpuMs: r1(cold.cpuMs),
  warmWallMs: r1(warm.wallMs),
  warmCpuMs: r1(warm.cpuMs),
  overCapacity,
  conflicts,
  sameBothTimes: same,
  loadAverage: loadavg().map(r1),
};
console.log(`mentoring: ${teamsCount} teams × ${mentorsCount} mentors, ${perTeam} per team`);
console.log(
  `  pairs ${figures.pairs}, teams short ${figures.teamsShort}, mixed-sector teams ${figures.mixedTeams}, mean score ${figures.meanScore}`,
);
console.log(
  `  candidate pairs ${figures.candidatePairs} of ${teamsCount * mentorsCount}, pricing rounds ${figures.pricedRounds}, pivots ${figures.pivots}`,
);
console.log(`  solve cold ${figures.coldWallMs} ms wall (${figures.coldCpuMs} ms CPU)`);
console.log(
  `  solve warm ${figures.warmWallMs} ms wall (${figures.warmCpuMs} ms CPU) (target < 1000 ms)`,
);
console.log(
  `  over capacity ${overCapacity}, institution conflicts paired ${conflicts}, same pairs both times ${same}`,
);
console.log(`  load average ${figures.loadAverage.join(' ')}`);
if (json) console.log(JSON.stringify(figures));
summarise(
  'mentoring',
  `${teamsCount} teams × ${mentorsCount} mentors: solve cold ${figures.coldWallMs} ms (CPU ${figures.coldCpuMs}), ` +
    `warm ${figures.warmWallMs} ms (CPU ${figures.warmCpuMs}); over capacity ${overCapacity}, conflicts ${conflicts}`,
  { cpuOnly: true, coldCpuMs: figures.coldCpuMs, warmCpuMs: figures.warmCpuMs },
);
if (overCapacity > 0 || conflicts > 0 || !same) process.exitCode = 1;
