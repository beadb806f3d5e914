/** A submission to be judged, with what the conflict rules need to know about its team. */
export interface AssignmentEntry {
  id: string;
  teamId: string;
  memberInstitutions: readonly string[];
  /** ISO 3166-1 alpha-2 codes of the team members. */
  memberCountries: readonly string[];
  memberUserIds: readonly string[];
  /** Topic tags matched against the judges' expertise. */
  tags?: readonly string[];
}

export interface DeclaredConflicts {
  countries?: readonly string[];
  institutions?: readonly string[];
  teamIds?: readonly string[];
}

export interface AssignmentJudge {
  /** The id assignments refer to (a pool membership or a user id). */
  id: string;
  /** The judge's user id, matched against team members; defaults to `id`. */
  userId?: string;
  institution?: string | null;
  country?: string | null;
  expertise?: readonly string[];
  conflicts?: DeclaredConflicts;
}

export interface JudgeEntryPair {
  judgeId: string;
  entryId: string;
}

export interface AssignmentInput {
  entries: readonly AssignmentEntry[];
  judges: readonly AssignmentJudge[];
  judgesPerEntry: number;
  /** Hard cap on a judge's total load (kept + new); absent or null means no cap. */
  maxLoad?: number | null;
  /** Assignments already made (kept as they are: a re-run only tops up). */
  existing?: readonly JudgeEntryPair[];
  /** Pairs that must never be (re)assigned, e.g. after a recusal. Wins over `existing`. */
  excluded?: readonly JudgeEntryPair[];
}

export interface AssignmentOptions {
  onProgress?: (fraction: number) => void;
}

export type ConflictKind =
  | 'declared_country'
  | 'declared_institution'
  | 'declared_team'
  | 'shared_institution'
  | 'team_member';

export type UnassignedCause = 'conflicts' | 'capacity';

export interface UnassignedEntry {
  entryId: string;
  /** Judges the entry has after this run (kept + new). */
  assigned: number;
  needed: number;
  /** `conflicts`: too few judges may judge it at all; `capacity`: they are at maxLoad. */
  cause: UnassignedCause;
  /** Human-readable, e.g. "not enough unconflicted judges: 2 of 3". */
  reason: string;
}

export interface JudgeLoad {
  judgeId: string;
  /** Kept + new assignments. */
  load: number;
  added: number;
}

/** The optimised objective, in priority order, so callers and tests can compare runs. */
export interface AssignmentObjective {
  /** New assignments made (maximised first). */
  added: number;
  /** Assignments still missing to give every entry judgesPerEntry judges. */
  missing: number;
  /** Σ load² over all judges (minimised second: the most balanced loads). */
  loadSquares: number;
  /** Σ over new pairs of the expertise penalty (third, with countryPenalty). */
  expertisePenalty: number;
  /** Same-country judge pairs per entry created by this run, weighted. */
  countryPenalty: number;
}

export interface AssignmentResult {
  /** New pairs to insert, sorted by entry id then judge id. */
  assignments: JudgeEntryPair[];
  /** Every judge, sorted by judge id. */
  perJudgeLoad: JudgeLoad[];
  /** Entries left with fewer than judgesPerEntry judges, sorted by entry id. */
  unassigned: UnassignedEntry[];
  /** (judge, entry) pairs that may not be assigned because of a conflict. */
  conflictCount: number;
  conflictsByKind: Record<ConflictKind, number>;
  /** Existing pairs that are conflicted (kept, but worth showing to the coordinator). */
  conflictedExisting: JudgeEntryPair[];
  objective: AssignmentObjective;
  /** Size of the full model and how the solve went (column generation rounds, pivots). */
  stats: {
    modelPairs: number;
    solves: number;
    pivots: number;
    /** Pairs added to the solver's network by pricing. */
    priced: number;
    /** `balanced`: a spread-≤-1, full-coverage optimum was found directly; else `convex`. */
    method: 'balanced' | 'convex';
  };
}
