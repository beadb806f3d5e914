import type { AssignmentEntry, AssignmentJudge } from '../../src/judging/assignment';
import type { FinalScore, RankableSubmission, RubricCriterion } from '../../src/judging/ranking';

/** mulberry32: a seeded generator so every benchmark run measures the same instance. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];
const COUNTRIES = [...ASEAN, 'KR'];
const TAGS = [
  'climate',
  'health',
  'education',
  'water',
  'energy',
  'culture',
  'documentary',
  'animation',
  'drama',
  'agriculture',
  'urban',
  'oceans',
];

export interface JudgingInstanceOptions {
  entries: number;
  judges: number;
  institutions?: number;
  /** Probability that a judge declares their own country as a conflict. */
  declareOwnCountry?: number;
  seed?: number;
}

/**
 * Mixed ASEAN–Korean teams of 2–4 members and a judge pool whose conflicts come from the same
 * rules production uses: declared countries, shared institutions and (rarely) team membership.
 */
export function judgingInstance(opts: JudgingInstanceOptions): {
  entries: AssignmentEntry[];
  judges: AssignmentJudge[];
} {
  const rnd = seededRandom(opts.seed ?? 2027);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const institutions = Array.from(
    { length: opts.institutions ?? 400 },
    (_, i) => `University ${i}`,
  );
  const entries: AssignmentEntry[] = [];
  for (let i = 0; i < opts.entries; i++) {
    const size = 2 + Math.floor(rnd() * 3);
    const countries = new Set<string>(['KR']);
    const members: string[] = [];
    const insts: string[] = [];
    for (let m = 0; m < size; m++) {
      if (m > 0) countries.add(pick(ASEAN));
      members.push(`user-${i}-${m}`);
      insts.push(pick(institutions));
    }
    const tags = new Set<string>();
    const tagCount = 1 + Math.floor(rnd() * 3);
    while (tags.size < tagCount) tags.add(pick(TAGS));
    entries.push({
      id: `entry-${String(i).padStart(6, '0')}`,
      teamId: `team-${i}`,
      memberInstitutions: insts,
      memberCountries: [...countries],
      memberUserIds: members,
      tags: [...tags],
    });
  }
  const judges: AssignmentJudge[] = [];
  for (let j = 0; j < opts.judges; j++) {
    const country = pick(COUNTRIES);
    const expertise = new Set<string>();
    const n = 1 + Math.floor(rnd() * 3);
    while (expertise.size < n) expertise.add(pick(TAGS));
    judges.push({
      id: `judge-${String(j).padStart(4, '0')}`,
      userId: j % 50 === 0 ? `user-${j * 7}-0` : `judge-user-${j}`,
      institution: pick(institutions),
      country,
      expertise: [...expertise],
      conflicts: {
        countries:
          country !== 'KR' && rnd() < (opts.declareOwnCountry ?? 0.5) ? [country] : undefined,
      },
    });
  }
  return { entries, judges };
}

export const BENCH_RUBRIC: RubricCriterion[] = [
  { key: 'originality', weight: 3, min: 1, max: 10 },
  { key: 'impact', weight: 3, min: 1, max: 10 },
  { key: 'feasibility', weight: 2, min: 1, max: 10 },
  { key: 'presentation', weight: 1, min: 1, max: 5 },
];

/** Final scores for the given pairs, each judge with a personal bias and spread. */
export function scoresFor(
  pairs: readonly { judgeId: string; entryId: string }[],
  seed = 7,
): FinalScore[] {
  const rnd = seededRandom(seed);
  const bias = new Map<string, number>();
  return pairs.map((p) => {
    let b = bias.get(p.judgeId);
    if (b === undefined) bias.set(p.judgeId, (b = rnd() * 3 - 1.5));
    const values: Record<string, number> = {};
    for (const c of BENCH_RUBRIC) {
      const raw = c.min + rnd() * (c.max - c.min) + b;
      values[c.key] = Math.max(c.min, Math.min(c.max, Math.round(raw)));
    }
    return { judgeId: p.judgeId, submissionId: p.entryId, values };
  });
}

export function submissionsFor(entries: readonly { id: string }[]): RankableSubmission[] {
  const start = Date.UTC(2027, 2, 1);
  return entries.map((e, i) => ({
    id: e.id,
    title: `Entry ${i}`,
    submittedAt: new Date(start + i * 61_000),
  }));
}
