/**
 * Judge assignment and ranking at competition scale.
 *
 *   npm run bench:assignment -- [--entries 5000] [--judges 300] [--k 3] [--seed 2027] [--json]
 *
 * Times the exact assignment (target < 2 s) and the ranking of every resulting score (15,000
 * by default, target < 1 s), each twice in the same process: "cold" is the first call, paying
 * V8's compilation as a freshly started worker would; "warm" is a second call on the same data,
 * as in a worker that has run before. CPU time is printed beside wall time because shared
 * machines inflate wall time. With --json the last line is one JSON object.
 */
import { loadavg } from 'node:os';
import { assignJudges, type AssignmentResult } from '../src/judging/assignment';
import { judgeEntryTotals, rankSubmissions } from '../src/judging/ranking';
import { BENCH_RUBRIC, judgingInstance, scoresFor, submissionsFor } from './lib/judging-data';
import { numberArg as arg, timed } from './lib/cli';
import { measuring, summarise } from './lib/summary';

const json = process.argv.includes('--json');
const entriesCount = arg('entries', 5000);
const judgesCount = arg('judges', 300);
const k = arg('k', 3);
const seed = arg('seed', 2027);

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const { entries, judges } = judgingInstance({ entries: entriesCount, judges: judgesCount, seed });
const input = { entries, judges, judgesPerEntry: k };
measuring();

const cold = timed(() => assignJudges(input));
const warm = timed(() => assignJudges(input));
const result: AssignmentResult = cold.value;

// Check the answer, not just the clock.
const warmSame = JSON.stringify(warm.value.assignments) === JSON.stringify(result.assignments);
const loads = result.perJudgeLoad.map((l) => l.load);
const spread = Math.max(...loads) - Math.min(...loads);
const perEntry = new Map<string, number>();
for (const p of result.assignments) perEntry.set(p.entryId, (perEntry.get(p.entryId) ?? 0) + 1);
const fullyCovered = entries.filter((e) => perEntry.get(e.id) === k).length;
const conflictFraction = result.conflictCount / (entriesCount * judgesCount);

const scores = scoresFor(result.assignments);
const submissions = submissionsFor(entries);
const rankCold = timed(() => rankSubmissions(BENCH_RUBRIC, scores, submissions));
const rankWarm = timed(() => rankSubmissions(BENCH_RUBRIC, scores, submissions));
const totals = timed(() => judgeEntryTotals(BENCH_RUBRIC, scores));
const ranking = rankCold.value;
const ranksOk = ranking.every((r, i) => r.rank === i + 1) && ranking.length === entriesCount;

const peakRssMb = process.resourceUsage().maxRSS / 1024;
const targets = { assignmentMs: 2000, rankingMs: 1000 };
const summary = {
  instance: {
    entries: entriesCount,
    judges: judgesCount,
    judgesPerEntry: k,
    seed,
    pairs: entriesCount * judgesCount,
    conflictFraction: round(conflictFraction, 4),
  },
  assignment: {
    coldMs: round(cold.wallMs),
    coldCpuMs: round(cold.cpuMs),
    warmMs: round(warm.wallMs),
    warmCpuMs: round(warm.cpuMs),
    method: result.stats.method,
    solves: result.stats.solves,
    pivots: result.stats.pivots,
    pricedPairs: result.stats.priced,
    modelPairs: result.stats.modelPairs,
    assignments: result.assignments.length,
    fullyCoveredEntries: fullyCovered,
    unassignedEntries: result.unassigned.length,
    loadMin: Math.min(...loads),
    loadMax: Math.max(...loads),
    loadSpread: spread,
    objective: result.objective,
    warmRunSameAnswer: warmSame,
  },
  ranking: {
    scores: scores.length,
    coldMs: round(rankCold.wallMs),
    warmMs: round(rankWarm.wallMs),
    judgeTotalsMs: round(totals.wallMs),
    ranksArePermutation: ranksOk,
  },
  peakRssMb: round(peakRssMb),
  loadAverage1m: round(loadavg()[0], 2),
  targets,
  withinTargets: {
    assignmentCold: cold.wallMs < targets.assignmentMs,
    assignmentWarm: warm.wallMs < targets.assignmentMs,
    rankingCold: rankCold.wallMs < targets.rankingMs,
  },
};

const lines = [
  `instance     ${entriesCount} entries × ${judgesCount} judges × ${k} per entry; ` +
    `${(conflictFraction * 100).toFixed(1)}% of pairs conflicted`,
  `assignment   cold ${round(cold.wallMs)} ms (cpu ${round(cold.cpuMs)} ms), ` +
    `warm ${round(warm.wallMs)} ms (cpu ${round(warm.cpuMs)} ms); target < ${targets.assignmentMs} ms`,
  `             ${result.stats.method} pass, ${result.stats.solves} solves, ` +
    `${result.stats.pivots} pivots, ${result.stats.priced} pairs priced in of ${result.stats.modelPairs}`,
  `             ${result.assignments.length} assignments, ${fullyCovered}/${entriesCount} entries ` +
    `fully covered, loads ${Math.min(...loads)}–${Math.max(...loads)} (spread ${spread}), ` +
    `expertise ${result.objective.expertisePenalty}, country ${result.objective.countryPenalty}`,
  `ranking      ${scores.length} scores: cold ${round(rankCold.wallMs)} ms, warm ` +
    `${round(rankWarm.wallMs)} ms; per-judge totals ${round(totals.wallMs)} ms; target < ${targets.rankingMs} ms`,
  `memory       peak RSS ${round(peakRssMb)} MB; 1-minute load average ${round(loadavg()[0], 2)}`,
];
for (const line of lines) console.log(line);
if (!warmSame || !ranksOk) console.log('WARNING: a result check failed (see JSON)');
if (json) console.log(JSON.stringify(summary));
summarise(
  'assignment',
  `${entriesCount} entries × ${judgesCount} judges: assignment cold ${round(cold.wallMs)} ms (CPU ${round(cold.cpuMs)}), ` +
    `warm ${round(warm.wallMs)} ms; ranking ${scores.length} scores cold ${round(rankCold.wallMs)} ms`,
  { cpuOnly: true, assignmentColdCpuMs: round(cold.cpuMs), rankingColdMs: round(rankCold.wallMs) },
);
