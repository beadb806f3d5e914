/**
 * Plain-data contract of the pen-pal matching engine: what a matching run hands in and gets
 * back. Nothing here knows about HTTP, the database or queues.
 */

import { ASEAN_COUNTRIES, LANGUAGE_LEVELS } from '../../common/reference-data';

// The ten ASEAN countries, in the order the engine numbers its country slots.
export { ASEAN_COUNTRIES };
export type AseanCountry = (typeof ASEAN_COUNTRIES)[number];
export type CountryCode = AseanCountry | 'KR';

export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export interface SpokenLanguage {
  /** ISO 639-1 code, e.g. "en" */
  code: string;
  level: LanguageLevel;
}

export interface EnrolmentPreferences {
  preferredCountries?: CountryCode[];
  /** languages the participant wants to practise: a bonus when the pen pal speaks them well */
  practiseLanguages?: string[];
  /** a gender the pen pal must have; null, undefined, '' or 'any' mean no preference */
  genderPreference?: string | null;
  /** pen pals wanted; capped by the round's penpalsPerParticipant */
  capacity?: number;
}

export interface Participant {
  id: string;
  country: CountryCode;
  /** completed years; used when birthDate is absent */
  age?: number;
  /** ISO date (YYYY-MM-DD); the age is taken at MatchingInput.referenceDate */
  birthDate?: string;
  /** defaults to age < 18 */
  minor?: boolean;
  /** guardian consent confirmed (always true for adults) */
  consentConfirmed: boolean;
  gender?: string | null;
  languages: SpokenLanguage[];
  /** tags from the controlled interest list */
  interests: string[];
  preferences?: EnrolmentPreferences;
}

export interface RoundRules {
  minAge?: number;
  maxAge?: number;
  /** default 3 */
  maxAgeGapYears?: number;
  /** default true */
  requireSharedLanguage?: boolean;
  /** default true; a minor is only ever paired with a minor (and an adult with an adult) */
  minorsOnlyWithMinors?: boolean;
}

/** Relative weights of the score components (non-negative; they are normalised to 100). */
export interface ScoreWeights {
  language?: number;
  interests?: number;
  age?: number;
  preferences?: number;
}

/** An unordered pair of participant ids. */
export type PairIds = readonly [string, string];

export interface MatchingTuning {
  /** candidates kept per person (top-k by score); default 50 */
  candidatesPerPerson?: number;
  /** random draws scored per person when its pool is large, as a multiple of k; default 4 */
  sampleFactor?: number;
  /** k multiplier for people of countries that need most of their capacity for the minimum */
  scarceCountryFactor?: number;
  /**
   * 'auto' (default) uses the auction when nobody can take more than one new pen pal and cost
   * scaling on small weights otherwise, each with the network simplex as fallback (see
   * solve.ts); all are exact. Forcing one is for tests and benchmarks.
   */
  solver?: 'auto' | 'assignment' | 'cost-scaling' | 'network-simplex';
}

export interface MatchingInput {
  participants: Participant[];
  rules?: RoundRules;
  weights?: ScoreWeights;
  countryBalance?: { minPerCountry?: number };
  /** default 1 */
  penpalsPerParticipant?: number;
  /** coordinator pins and published pairs to keep */
  pins?: PairIds[];
  /** coordinator forbids */
  forbids?: PairIds[];
  /** pairs that must never be proposed again: declined, or matched in an earlier round */
  neverAgain?: PairIds[];
  /** only breaks ties and orders candidate sampling; same input + same seed = same pairs */
  seed?: number | string;
  /** ISO date at which ages are computed from birth dates; required when birthDate is used */
  referenceDate?: string;
  tuning?: MatchingTuning;
  /** called with a fraction in [0, 1] as the run advances */
  onProgress?: (fraction: number) => void;
}

/** What a pair shares and what either asked for; reasons.ts renders it per locale. */
export interface PairFacts {
  /** language codes both speak at least conversationally */
  speak: string[];
  /** language codes both know, one of them only a little */
  some: string[];
  /** language codes one wants to practise and the other speaks well */
  practise: string[];
  /** interest tags both listed */
  interests: string[];
  ageGap: number;
  /** the Korean asked for a pen pal from this (the ASEAN participant's) country */
  askedCountry: CountryCode | null;
  /** the ASEAN participant asked for a pen pal from Korea */
  askedKorea: boolean;
}

export interface MatchedPair {
  /** the Korean participant */
  krId: string;
  /** the ASEAN participant */
  aseanId: string;
  aseanCountry: AseanCountry;
  /** integer 0..100 */
  score: number;
  /** sentences a participant can read, e.g. "both speak English" (English) */
  reasons: string[];
  /** the same reasons as data, for other languages */
  facts: PairFacts;
  pinned: boolean;
}

export type UnmatchedReason =
  | 'consent'
  | 'age_rules'
  | 'no_shared_language'
  | 'gender_preference'
  | 'excluded_pairs'
  | 'no_candidate'
  | 'no_capacity';

export const UNMATCHED_REASONS: readonly UnmatchedReason[] = [
  'consent',
  'age_rules',
  'no_shared_language',
  'gender_preference',
  'excluded_pairs',
  'no_candidate',
  'no_capacity',
];

export interface UnmatchedParticipant {
  id: string;
  country: CountryCode;
  reason: UnmatchedReason;
  /** a sentence for the coordinator */
  detail: string;
}

export type ShortfallReason =
  'too_few_participants' | 'too_few_korean_partners' | 'too_few_compatible_partners';

export interface CountryShortfall {
  country: AseanCountry;
  minimum: number;
  achieved: number;
  shortfall: number;
  reason: ShortfallReason;
  detail: string;
}

export interface MatchingObjective {
  /** sum over ASEAN countries of min(pairs, minimum): maximised first, after pins */
  quotaPairs: number;
  /** sum of shortfalls against the minimum */
  shortfall: number;
  /** people with at least one pair: maximised second */
  matchedPeople: number;
  /** sum of pair scores: maximised last */
  totalScore: number;
  /** optimum of the min-cost-flow network of build-network.ts, in its own units */
  flowCost: number;
  /** which exact solver produced the pairs */
  method: 'assignment' | 'cost-scaling' | 'network-simplex';
  /** big-M weights used in the flow costs */
  quotaWeight: number;
  personWeight: number;
}

export interface PhaseDurations {
  prepare: number;
  candidates: number;
  solve: number;
  report: number;
  total: number;
}

export interface MatchingStats {
  enrolled: number;
  /** consented, within the age rules, with capacity */
  eligible: number;
  matchedPeople: number;
  unmatchedPeople: number;
  pairs: number;
  pinnedPairs: number;
  /** pairs per ASEAN country, and KR (every pair has one Korean) */
  pairsByCountry: Record<CountryCode, number>;
  enrolledByCountry: Record<CountryCode, number>;
  matchedByCountry: Record<CountryCode, number>;
  minPerCountry: number;
  shortfalls: CountryShortfall[];
  unmatchedByReason: Record<UnmatchedReason, number>;
  meanScore: number;
  medianScore: number;
  candidateEdges: number;
  objective: MatchingObjective;
  /** milliseconds per phase */
  durationMs: PhaseDurations;
}

export interface MatchingResult {
  pairs: MatchedPair[];
  unmatched: UnmatchedParticipant[];
  stats: MatchingStats;
  /** inputs the engine ignored or kept against a rule (e.g. a pin of an unknown participant) */
  warnings: string[];
}

export class MatchingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchingInputError';
  }
}
