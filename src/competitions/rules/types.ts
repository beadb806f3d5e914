/** Plain shapes of a competition's rules and a submission's content, shared by pure checks. */
export const COMPETITION_KINDS = ['short_movie', 'project'] as const;
export type CompetitionKind = (typeof COMPETITION_KINDS)[number];

export interface Eligibility {
  minAge?: number;
  maxAge?: number;
  minTeamSize?: number;
  maxTeamSize?: number;
  /** At least one Korean and one ASEAN member. */
  requireMixedTeam?: boolean;
  /** ISO 3166-1 alpha-2 codes; absent means every country of the exchange. */
  countries?: string[];
}

export interface RubricCriterion {
  key: string;
  label: string;
  weight: number;
  min: number;
  max: number;
  description?: string;
}

export interface Limits {
  maxRuntimeSeconds?: number;
  maxUploadBytes?: number;
}

/** An entry's lifecycle: submission-lifecycle.ts makes every move and records it as a version. */
export const SUBMISSION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'shortlisted',
  'awarded',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What a version row says happened: the team's own changes, then judging's decisions. */
export const VERSION_ACTIONS = [
  'created',
  'edited',
  'asset_added',
  'asset_removed',
  'submitted',
  'withdrawn',
  'shortlisted',
  'unshortlisted',
  'awarded',
] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

export interface Milestone {
  title: string;
  due: string;
}

export interface MovieFields {
  logline?: string | null;
  synopsis?: string | null;
  runtimeSeconds?: number | null;
  language?: string | null;
  subtitleLanguages?: string[] | null;
  videoUrl?: string | null;
  credits?: string | null;
  rightsConfirmed?: boolean | null;
}

export interface ProjectFields {
  problem?: string | null;
  sdgs?: number[] | null;
  targetCountries?: string[] | null;
  plan?: string | null;
  milestones?: Milestone[] | null;
  budgetUsd?: number | null;
  partnersSought?: string[] | null;
}

export const MOVIE_FIELDS = [
  'logline',
  'synopsis',
  'runtimeSeconds',
  'language',
  'subtitleLanguages',
  'videoUrl',
  'credits',
  'rightsConfirmed',
] as const satisfies readonly (keyof MovieFields)[];

export const PROJECT_FIELDS = [
  'problem',
  'sdgs',
  'targetCountries',
  'plan',
  'milestones',
  'budgetUsd',
  'partnersSought',
] as const satisfies readonly (keyof ProjectFields)[];

export type SubmissionFields = MovieFields & ProjectFields;

export const fieldsOfKind = (kind: CompetitionKind): readonly string[] =>
  kind === 'short_movie' ? MOVIE_FIELDS : PROJECT_FIELDS;

/** One reason a submission cannot be submitted: a field path, a sentence and a stable code. */
export interface Problem {
  path: string;
  message: string;
  code: string;
}
