/** Plain shapes of mentoring's pure core: no framework, no I/O. */
import type { LANGUAGE_LEVELS } from '../../common/reference-data';

export const SECTORS = [
  'academia',
  'government',
  'international_org',
  'civil_society',
  'industry',
] as const;
export type Sector = (typeof SECTORS)[number];

export interface MentorLanguage {
  code: string;
  level: (typeof LANGUAGE_LEVELS)[number];
}

/** A mentor as the solver sees them. */
export interface MentorCandidate {
  id: string;
  organisation: string;
  sector: Sector;
  sdgs: readonly number[];
  topics: readonly string[];
  countries: readonly string[];
  /** language codes the mentor can hold a conversation in */
  languages: readonly string[];
  /** teams they can take in this round */
  capacity: number;
}

/** A team's entry as the solver sees it. */
export interface TeamCandidate {
  /** the entry (submission) id: one team has one entry per competition */
  id: string;
  teamId: string;
  sdgs: readonly number[];
  topics: readonly string[];
  targetCountries: readonly string[];
  /** language codes spoken by each member (one list per member) */
  memberLanguages: readonly (readonly string[])[];
  /** the members' institutions, as entered on their profiles */
  institutions: readonly string[];
}

/** [entry id, mentor id] */
export type PairIds = readonly [string, string];

export interface MentoringInput {
  teams: readonly TeamCandidate[];
  mentors: readonly MentorCandidate[];
  mentorsPerTeam: number;
  /** pairs the coordinator fixed (and pairs already published): kept when the hard rules allow */
  pins: readonly PairIds[];
  /** pairs the coordinator ruled out */
  forbids: readonly PairIds[];
}

export type ReasonCode =
  'shared_sdgs' | 'shared_topics' | 'knows_countries' | 'shared_language' | 'sector_mix' | 'pinned';

/** Why a pair was made, as data: rendered in the reader's language (see reasons.ts). */
export interface Reason {
  code: ReasonCode;
  sdgs?: number[];
  topics?: string[];
  countries?: string[];
  languages?: string[];
  sector?: Sector;
}

export interface ProposedPair {
  teamId: string;
  submissionId: string;
  mentorId: string;
  score: number;
  reasons: Reason[];
  pinned: boolean;
}

export type ShortReason = 'no_mentors' | 'institution_conflict' | 'forbidden' | 'mentors_full';

/** A team that got fewer mentors than the round asks for, and why. */
export interface ShortTeam {
  submissionId: string;
  teamId: string;
  wanted: number;
  got: number;
  reason: ShortReason;
  /** mentors ruled out for this team by each hard rule */
  conflicted: number;
  forbidden: number;
}

export interface MentoringStats {
  teams: number;
  mentors: number;
  pairs: number;
  pinnedPairs: number;
  teamsFull: number;
  teamsShort: number;
  totalScore: number;
  meanScore: number;
  /** teams with two or more mentors all from different sectors */
  mixedTeams: number;
  candidatePairs: number;
  pricedRounds: number;
  pivots: number;
  objective: number;
  durationMs: number;
}

export interface MentoringResult {
  pairs: ProposedPair[];
  short: ShortTeam[];
  stats: MentoringStats;
  warnings: string[];
}
