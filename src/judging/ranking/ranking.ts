import { cmpStr, judgeEntryTotals, RankingInputError, weightedScale } from './normalisation';
import type {
  FinalScore,
  RankableSubmission,
  RankingRow,
  RubricCriterion,
  TieBreakRule,
} from './ranking.types';

/** The tie-break rules in the order they apply; see RANKING_FORMULA for their definitions. */
export const TIE_BREAK_RULES: readonly TieBreakRule[] = [
  'median_judge_total',
  'first_quartile_ranks',
  'earliest_submission',
  'submission_id',
];

/**
 * Compared quantities are rounded first so that floating-point noise (summation order, a
 * judge's rescaled totals) can neither create nor break a tie the published figures show.
 */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Candidate {
  submission: RankableSubmission;
  at: number;
  judgeCount: number;
  score: number | null;
  rawMean: number | null;
  median: number;
  firstQuartile: number;
}

/**
 * Ranks every submission from the round's final scores. Scores for submissions not listed are
 * ignored (they neither rank nor weigh in a judge's normalisation), so withdrawn entries can be
 * dropped by leaving them out of `submissions`.
 */
export function rankSubmissions(
  rubric: readonly RubricCriterion[],
  scores: readonly FinalScore[],
  submissions: readonly RankableSubmission[],
): RankingRow[] {
  const scale = weightedScale(rubric);
  const byId = new Map<string, RankableSubmission>();
  for (const s of submissions) {
    if (byId.has(s.id)) throw new RankingInputError(`submission ${s.id} is listed twice`);
    byId.set(s.id, s);
  }
  const totals = judgeEntryTotals(
    rubric,
    scores.filter((s) => byId.has(s.submissionId)),
  );

  const values = new Map<string, number[]>();
  const raws = new Map<string, number[]>();
  const firstQuartile = new Map<string, number>();
  const byJudge = new Map<string, { submissionId: string; v: number }[]>();
  for (const t of totals) {
    push(values, t.submissionId, t.normalised);
    push(raws, t.submissionId, t.total);
    let list = byJudge.get(t.judgeId);
    if (!list) byJudge.set(t.judgeId, (list = []));
    list.push({ submissionId: t.submissionId, v: round6(t.normalised) });
  }
  for (const list of byJudge.values()) {
    list.sort((a, b) => b.v - a.v);
    const cutoff = Math.ceil(list.length / 4);
    // Competition ranking (1, 1, 3): equal totals share the better rank, so a judge who could
    // not separate two entries never favours one of them.
    for (let i = 0, rank = 1; i < list.length; i++) {
      if (i > 0 && list[i].v !== list[i - 1].v) rank = i + 1;
      if (rank <= cutoff) {
        firstQuartile.set(list[i].submissionId, (firstQuartile.get(list[i].submissionId) ?? 0) + 1);
      }
    }
  }

  const candidates: Candidate[] = submissions.map((submission) => {
    const vs = values.get(submission.id) ?? [];
    const ts = raws.get(submission.id) ?? [];
    const scored = vs.length > 0;
    return {
      submission,
      at: instant(submission),
      judgeCount: vs.length,
      score: scored ? round6(clamp(mean(vs), scale.min, scale.max)) : null,
      rawMean: scored ? round6(mean(ts)) : null,
      median: scored ? round6(median(vs)) : 0,
      firstQuartile: firstQuartile.get(submission.id) ?? 0,
    };
  });

  candidates.sort((a, b) => decide(a, b).order);
  return candidates.map((c, i) => {
    const row: RankingRow = {
      submissionId: c.submission.id,
      title: c.submission.title,
      rank: i + 1,
      score: c.score,
      rawMean: c.rawMean,
      judgeCount: c.judgeCount,
    };
    const next = candidates[i + 1];
    if (next) {
      const rule = decide(c, next).rule;
      if (rule !== 'score') row.tieBreak = rule;
    }
    return row;
  });
}

/** Which rule orders a before b (order < 0) or after; 'score' also covers scored-vs-unscored. */
function decide(a: Candidate, b: Candidate): { order: number; rule: TieBreakRule | 'score' } {
  if (a.score === null || b.score === null) {
    if (a.score !== null) return { order: -1, rule: 'score' };
    if (b.score !== null) return { order: 1, rule: 'score' };
  } else {
    if (a.score !== b.score) return { order: b.score - a.score, rule: 'score' };
    if (a.median !== b.median) return { order: b.median - a.median, rule: 'median_judge_total' };
    if (a.firstQuartile !== b.firstQuartile) {
      return { order: b.firstQuartile - a.firstQuartile, rule: 'first_quartile_ranks' };
    }
  }
  if (a.at !== b.at) return { order: a.at - b.at, rule: 'earliest_submission' };
  return { order: cmpStr(a.submission.id, b.submission.id), rule: 'submission_id' };
}

function instant(s: RankableSubmission): number {
  const t = s.submittedAt instanceof Date ? s.submittedAt.getTime() : Date.parse(s.submittedAt);
  if (!Number.isFinite(t))
    throw new RankingInputError(`submission ${s.id} has no valid submittedAt`);
  return t;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
