import type { FinalScore, JudgeEntryTotal, RubricCriterion, WeightedScale } from './ranking.types';

/**
 * Thrown for input the service layer should never pass (it validates scores on write), so a
 * ranking is never silently computed from a malformed rubric or a duplicated score.
 */
export class RankingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RankingInputError';
  }
}

/** Fewer scored entries than this and a judge's mean and spread say too little to normalise. */
export const MIN_ENTRIES_FOR_Z = 3;

/**
 * The published normalisation, verbatim for the ranking endpoint's OpenAPI description.
 *
 * Why the z-scores are mapped back with constants of the rubric (M, S) rather than the pooled
 * mean and standard deviation of all totals, as Evalato does: pooled statistics move whenever
 * one judge scores everything higher, which would shift every entry's score; anchoring on the
 * rubric makes a judge's generosity (+c on every score) and severity (×a) change nothing at all.
 */
export const RANKING_FORMULA = [
  'Judge total: t(j,e) = Σ_c w_c·s_c / Σ_c w_c, on the weighted scale [L, U] with',
  'L = Σ_c w_c·min_c / Σ_c w_c and U = Σ_c w_c·max_c / Σ_c w_c.',
  'rawMean(e) = mean over the judges of e of t(j,e).',
  `Judges with at least ${MIN_ENTRIES_FOR_Z} scored entries in the round whose totals are not all equal`,
  'are normalised: z(j,e) = (t(j,e) − m_j) / sd_j, where m_j and sd_j are the mean and the',
  "population standard deviation of the judge's totals in the round, and the judge's value is",
  'v(j,e) = M + S·z(j,e) with M = (L + U) / 2 and S = (U − L) / 6 (three standard deviations',
  'either side of the middle span the scale). Any other judge contributes its raw total:',
  'v(j,e) = t(j,e).',
  'score(e) = mean over the judges of e of v(j,e), clamped to [L, U]; score and rawMean are',
  'rounded to 6 decimals and compared at that precision.',
  'Order: score descending; ties broken by (1) median_judge_total: the median of v(j,e),',
  "higher first; (2) first_quartile_ranks: the number of judges who ranked e in their list's",
  'top quarter (rank ≤ ⌈n/4⌉ among their n entries, equal totals sharing the better rank), more',
  'first; (3) earliest_submission; (4) submission_id (ascending) so the order is total.',
  'Entries no judge scored come last, by earliest submission. Each row names in tieBreak the',
  'rule that placed it ahead of the next row, or omits it when the score alone did.',
].join(' ');

export function weightedScale(rubric: readonly RubricCriterion[]): WeightedScale {
  const weightSum = validateRubric(rubric);
  let min = 0;
  let max = 0;
  for (const c of rubric) {
    min += c.weight * c.min;
    max += c.weight * c.max;
  }
  return { min: min / weightSum, max: max / weightSum };
}

/** Σ weight × value / Σ weight; extra keys in `values` are ignored. */
export function weightedTotal(
  rubric: readonly RubricCriterion[],
  values: Readonly<Record<string, number>>,
): number {
  return totalOf(rubric, validateRubric(rubric), values, '');
}

/**
 * Every final score as a judge total with its normalised value, sorted by judge then
 * submission so exports are stable. The normalisation is relative to the scores passed in,
 * so pass exactly one round's final scores.
 */
export function judgeEntryTotals(
  rubric: readonly RubricCriterion[],
  scores: readonly FinalScore[],
): JudgeEntryTotal[] {
  const weightSum = validateRubric(rubric);
  const scale = weightedScale(rubric);
  const middle = (scale.min + scale.max) / 2;
  const spread = (scale.max - scale.min) / 6;

  const byJudge = new Map<string, { submissionId: string; total: number }[]>();
  const seen = new Set<string>();
  for (const s of scores) {
    const pairKey = `${s.judgeId}\u0000${s.submissionId}`;
    if (seen.has(pairKey)) {
      throw new RankingInputError(
        `judge ${s.judgeId} has more than one final score for submission ${s.submissionId}`,
      );
    }
    seen.add(pairKey);
    const total = totalOf(rubric, weightSum, s.values, `${s.judgeId}/${s.submissionId}`);
    let list = byJudge.get(s.judgeId);
    if (!list) byJudge.set(s.judgeId, (list = []));
    list.push({ submissionId: s.submissionId, total });
  }

  const out: JudgeEntryTotal[] = [];
  for (const [judgeId, list] of byJudge) {
    // A fixed summation order makes the result bit-identical whatever order scores arrive in.
    list.sort((a, b) => cmpStr(a.submissionId, b.submissionId));
    let lo = Infinity;
    let hi = -Infinity;
    let sum = 0;
    for (const e of list) {
      lo = Math.min(lo, e.total);
      hi = Math.max(hi, e.total);
      sum += e.total;
    }
    // Exact equality, not a tolerance: equal inputs give bit-identical totals, and any real
    // spread, however small, is what the judge expressed.
    const useZ = list.length >= MIN_ENTRIES_FOR_Z && lo !== hi;
    const mean = sum / list.length;
    let sq = 0;
    for (const e of list) sq += (e.total - mean) ** 2;
    const sd = Math.sqrt(sq / list.length);
    for (const e of list) {
      if (useZ && sd > 0) {
        const z = (e.total - mean) / sd;
        out.push({
          judgeId,
          submissionId: e.submissionId,
          total: e.total,
          mode: 'z',
          z,
          normalised: middle + spread * z,
        });
      } else {
        out.push({
          judgeId,
          submissionId: e.submissionId,
          total: e.total,
          mode: 'raw',
          z: null,
          normalised: e.total,
        });
      }
    }
  }
  out.sort((a, b) => cmpStr(a.judgeId, b.judgeId) || cmpStr(a.submissionId, b.submissionId));
  return out;
}

export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function validateRubric(rubric: readonly RubricCriterion[]): number {
  if (rubric.length === 0) throw new RankingInputError('the rubric has no criteria');
  const keys = new Set<string>();
  let weightSum = 0;
  for (const c of rubric) {
    if (keys.has(c.key)) throw new RankingInputError(`rubric criterion ${c.key} appears twice`);
    keys.add(c.key);
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new RankingInputError(`rubric criterion ${c.key} has an invalid weight`);
    }
    if (!Number.isFinite(c.min) || !Number.isFinite(c.max) || c.min >= c.max) {
      throw new RankingInputError(`rubric criterion ${c.key} has an empty or invalid scale`);
    }
    weightSum += c.weight;
  }
  if (!(weightSum > 0)) throw new RankingInputError('the rubric weights sum to zero');
  return weightSum;
}

function totalOf(
  rubric: readonly RubricCriterion[],
  weightSum: number,
  values: Readonly<Record<string, number>>,
  where: string,
): number {
  let acc = 0;
  for (const c of rubric) {
    const v = Object.prototype.hasOwnProperty.call(values, c.key) ? values[c.key] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      const of = where ? ` of ${where}` : '';
      throw new RankingInputError(`the score${of} has no finite value for criterion ${c.key}`);
    }
    acc += c.weight * v;
  }
  return acc / weightSum;
}
