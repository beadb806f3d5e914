/** One rubric criterion: a judge gives a value in [min, max]; weight is its share of the total. */
export interface RubricCriterion {
  key: string;
  weight: number;
  min: number;
  max: number;
}

/** A final score of one judge for one submission (drafts are never ranked). */
export interface FinalScore {
  judgeId: string;
  submissionId: string;
  values: Readonly<Record<string, number>>;
}

export interface RankableSubmission {
  id: string;
  title: string;
  /** An instant; used by the last published tie-break rule. */
  submittedAt: Date | string;
}

/** The published tie-break rules, in the order they are applied after the score. */
export type TieBreakRule =
  'median_judge_total' | 'first_quartile_ranks' | 'earliest_submission' | 'submission_id';

export interface RankingRow {
  submissionId: string;
  title: string;
  /** 1-based; every row has a distinct rank. */
  rank: number;
  /** Normalised score on the rubric's weighted scale; null when no judge scored the entry. */
  score: number | null;
  /** Mean of the judges' raw weighted totals; null when no judge scored the entry. */
  rawMean: number | null;
  judgeCount: number;
  /** The rule that put this row ahead of the next one; absent when the score alone did. */
  tieBreak?: TieBreakRule;
}

/** How a judge's totals enter the normalised score. */
export type NormalisationMode = 'z' | 'raw';

/** One judge's weighted total for one submission, with how it was normalised (for exports). */
export interface JudgeEntryTotal {
  judgeId: string;
  submissionId: string;
  /** Σ weight × value / Σ weight, on the rubric's weighted scale. */
  total: number;
  mode: NormalisationMode;
  /** The judge-relative z-score; null when the judge contributes raw totals. */
  z: number | null;
  /** The value averaged into the entry's score (before clamping). */
  normalised: number;
}

/** Bounds of the weighted total: the weighted means of the criteria's minima and maxima. */
export interface WeightedScale {
  min: number;
  max: number;
}
