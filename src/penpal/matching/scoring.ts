import type { Prepared } from './prepare';
import type { ScoreWeights } from './types';
import { KR_SLOT, MAX_LEVEL } from './vocabulary';

/**
 * Compatibility score of a pair: an integer 0..100, the weighted mean of four parts in [0, 1]:
 * - language: the best level both reach in a shared language (basic 1/4 .. native 4/4);
 * - interests: shared interest tags, full marks from three on;
 * - age: 1 for the same age, falling linearly to 1/(gap+1) at the largest allowed gap;
 * - preferences: the share of stated wishes the pair fulfils (each side's preferred countries
 *   and languages to practise with someone who speaks them fluently or natively); 0 when
 *   neither side stated any.
 * Integer scores keep the flow costs exact; 0..100 keeps the big-M weights small.
 */

export const MAX_SCORE = 100;
export const INTEREST_CAP = 3;
export const DEFAULT_WEIGHTS: Required<ScoreWeights> = {
  language: 30,
  interests: 35,
  age: 20,
  preferences: 15,
};

export interface ScoreTables {
  /** points by the best shared level (0..4) */
  language: Float64Array;
  /** points by the number of shared interests, capped */
  interests: Float64Array;
  /** points by the age gap in years; gaps beyond the table score 0 */
  age: Float64Array;
  /** points by [applicable wishes * 5 + fulfilled wishes] */
  preferences: Float64Array;
}

export function resolveWeights(weights: ScoreWeights | undefined): Required<ScoreWeights> {
  const w = { ...DEFAULT_WEIGHTS, ...(weights ?? {}) };
  for (const [k, v] of Object.entries(w)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`weight ${k} must be a non-negative number`);
    }
  }
  return w;
}

export function scoreTables(weights: Required<ScoreWeights>, maxAgeGapYears: number): ScoreTables {
  const total = weights.language + weights.interests + weights.age + weights.preferences;
  const unit = total > 0 ? MAX_SCORE / total : 0;
  const language = new Float64Array(MAX_LEVEL + 1);
  for (let l = 0; l <= MAX_LEVEL; l++) language[l] = (unit * weights.language * l) / MAX_LEVEL;
  const interests = new Float64Array(INTEREST_CAP + 1);
  for (let s = 0; s <= INTEREST_CAP; s++) {
    interests[s] = (unit * weights.interests * s) / INTEREST_CAP;
  }
  const age = new Float64Array(maxAgeGapYears + 1);
  for (let g = 0; g <= maxAgeGapYears; g++) {
    age[g] = unit * weights.age * (1 - g / (maxAgeGapYears + 1));
  }
  const preferences = new Float64Array(25);
  for (let applicable = 1; applicable <= 4; applicable++) {
    for (let met = 0; met <= applicable; met++) {
      preferences[applicable * 5 + met] = (unit * weights.preferences * met) / applicable;
    }
  }
  return { language, interests, age, preferences };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export type PairScorer = (kr: number, asean: number) => number;

/** What a scorer reads: plain data, so a helper thread can score too. */
export type ScoringData = Pick<Prepared, 'langWords' | 'interestWords' | 'layout'> & {
  kr: { features: Int32Array };
  asean: { features: Int32Array };
};

/** A scorer over the packed feature records (see FeatureLayout). */
export function makeScorer(prep: ScoringData, tables: ScoreTables): PairScorer {
  const LW = prep.langWords;
  const IW = prep.interestWords;
  const layout = prep.layout;
  const S = layout.stride;
  const [ge1, ge2, ge3, ge4] = layout.levelAtLeast;
  const levels = [ge1, ge2, ge3, ge4];
  const { practise, interests: interestAt, age: ageAt, prefCountries, country } = layout;
  const { language, interests, age, preferences } = tables;
  const ageLen = age.length;
  const kf = prep.kr.features;
  const af = prep.asean.features;
  return (k: number, a: number): number => {
    const kb = k * S;
    const ab = a * S;
    let best = 0;
    for (let t = MAX_LEVEL; t > 0 && best === 0; t--) {
      const at = levels[t - 1];
      for (let w = 0; w < LW; w++) {
        if ((kf[kb + at + w] & af[ab + at + w]) !== 0) {
          best = t;
          break;
        }
      }
    }
    let wantK = 0;
    let wantA = 0;
    let practiseK = 0;
    let practiseA = 0;
    for (let w = 0; w < LW; w++) {
      const pk = kf[kb + practise + w];
      const pa = af[ab + practise + w];
      wantK |= pk;
      wantA |= pa;
      practiseK |= pk & af[ab + ge3 + w];
      practiseA |= pa & kf[kb + ge3 + w];
    }
    let common = 0;
    for (let w = 0; w < IW; w++)
      common += popcount(kf[kb + interestAt + w] & af[ab + interestAt + w]);
    if (common > INTEREST_CAP) common = INTEREST_CAP;
    const gap = Math.abs(kf[kb + ageAt] - af[ab + ageAt]);

    let applicable = 0;
    let met = 0;
    const pk = kf[kb + prefCountries];
    if (pk !== 0) {
      applicable++;
      met += (pk >>> af[ab + country]) & 1;
    }
    const pa = af[ab + prefCountries];
    if (pa !== 0) {
      applicable++;
      met += (pa >>> KR_SLOT) & 1;
    }
    if (wantK !== 0) {
      applicable++;
      if (practiseK !== 0) met++;
    }
    if (wantA !== 0) {
      applicable++;
      if (practiseA !== 0) met++;
    }
    const points =
      language[best] +
      interests[common] +
      (gap < ageLen ? age[gap] : 0) +
      preferences[applicable * 5 + met];
    return Math.round(points);
  };
}
