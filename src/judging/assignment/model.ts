import type { AssignmentInput, AssignmentJudge, AssignmentEntry } from './assignment.types';
import type { ConflictKind, JudgeEntryPair } from './assignment.types';
import {
  entryConflictProfile,
  judgeConflictProfile,
  normaliseCountry,
  normaliseTag,
} from './conflicts';

/** Penalty per entry tag (of its first two) that a judge's expertise does not cover. */
export const EXPERTISE_WEIGHT = 1;
/** Only this many of an entry's tags matter: a judge is not expected to cover ten of them. */
export const EXPERTISE_TAGS_CONSIDERED = 2;
/** Penalty per pair of an entry's judges who come from the same country. */
export const COUNTRY_WEIGHT = 2;

export class AssignmentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentInputError';
  }
}

export function expertisePenalty(
  entryTags: ReadonlySet<string>,
  judgeExpertise: ReadonlySet<string>,
): number {
  const wanted = Math.min(EXPERTISE_TAGS_CONSIDERED, entryTags.size);
  if (wanted === 0) return 0;
  let overlap = 0;
  for (const t of entryTags) if (judgeExpertise.has(t)) overlap++;
  return EXPERTISE_WEIGHT * (wanted - Math.min(wanted, overlap));
}

/**
 * Everything the flow models need, in flat arrays indexed by entry e, judge j, eligible pair i
 * and country group g. Entries and judges are sorted by id so that the result does not depend
 * on the order of the input.
 */
export interface AssignmentModel {
  k: number;
  entries: AssignmentEntry[];
  judges: AssignmentJudge[];
  E: number;
  J: number;
  /** Distinct judge countries. */
  K: number;
  /** Assignments still wanted per entry: judgesPerEntry − kept. */
  need: Int32Array;
  /** Σ need. */
  demand: number;
  keptLoad: Int32Array;
  keptCount: Int32Array;
  /** New assignments a judge can take: min(maxLoad − kept, eligible pairs), or 0. */
  unitsMax: Float64Array;
  /** Judges neither conflicted nor recused nor kept, per entry (for the unassigned reasons). */
  unconflicted: Int32Array;
  /** Eligible pairs of entry e are i in [eligStart[e], eligStart[e + 1]), judge elig[i]. */
  eligStart: Int32Array;
  elig: Int32Array;
  pairs: number;
  /** Cost of pair i's own arc: expertise, plus the country cost when it is not in a group. */
  pairCost: Int32Array;
  /** Country group of pair i, or −1 when the pair has a direct arc. */
  pairGroup: Int32Array;
  /** Group g: entry, judges of the same country already kept on it, units on offer. */
  groupEntry: Int32Array;
  groupKept: Int32Array;
  groupUnits: Int32Array;
  groups: number;
  judgeCountry: Int32Array;
  entryTags: ReadonlySet<string>[];
  judgeTags: ReadonlySet<string>[];
  /** Kept judges of each entry. */
  keptJudges: number[][];
  /** The entry of pair i. */
  pairEntry: Int32Array;
  /** Largest preference cost one assignment can add (expertise + country marginal). */
  perAssignmentMax: number;
  conflictCount: number;
  conflictsByKind: Record<ConflictKind, number>;
  conflictedExisting: JudgeEntryPair[];
}

const BIT_DECLARED_COUNTRY = 1;
const BIT_DECLARED_INSTITUTION = 2;
const BIT_DECLARED_TEAM = 4;
const BIT_SHARED_INSTITUTION = 8;
const BIT_TEAM_MEMBER = 16;
const KIND_BITS: readonly [number, ConflictKind][] = [
  [BIT_DECLARED_COUNTRY, 'declared_country'],
  [BIT_DECLARED_INSTITUTION, 'declared_institution'],
  [BIT_DECLARED_TEAM, 'declared_team'],
  [BIT_SHARED_INSTITUTION, 'shared_institution'],
  [BIT_TEAM_MEMBER, 'team_member'],
];

function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

const MARK_NONE = 0;
const MARK_EXISTING = 1;
const MARK_EXCLUDED = 2;

const NONE: number[] = [];

/** Unconflicted judges found by the last scanEntry call (a second return value, unboxed). */
const scanned = new Int32Array(1);

/**
 * Appends entry's eligible judges to `elig` from `start` and returns the new end. Kept apart
 * from buildModel so that V8 optimises this hot loop on its own.
 */
function scanEntry(
  J: number,
  mark: Uint8Array,
  conflictBits: Uint8Array,
  capNew: Float64Array,
  wanted: boolean,
  elig: Int32Array,
  start: number,
  eligibleForJudge: Int32Array,
): number {
  let pairs = start;
  let unconflicted = 0;
  for (let j = 0; j < J; j++) {
    if (mark[j] !== MARK_NONE || conflictBits[j] !== 0) continue;
    unconflicted++;
    if (wanted && capNew[j] > 0) {
      elig[pairs++] = j;
      eligibleForJudge[j]++;
    }
  }
  scanned[0] = unconflicted;
  return pairs;
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function buildModel(input: AssignmentInput): AssignmentModel {
  const k = input.judgesPerEntry;
  if (!Number.isSafeInteger(k) || k < 0) {
    throw new AssignmentInputError('judgesPerEntry must be a non-negative integer');
  }
  const maxLoad = input.maxLoad ?? null;
  if (maxLoad !== null && (!Number.isSafeInteger(maxLoad) || maxLoad < 0)) {
    throw new AssignmentInputError('maxLoad must be a non-negative integer');
  }
  const entries = [...input.entries].sort(byId);
  const judges = [...input.judges].sort(byId);
  const E = entries.length;
  const J = judges.length;
  const entryIndex = indexOf(entries, 'entry');
  const judgeIndex = indexOf(judges, 'judge');

  // Per-entry marks of kept and recused judges, so the pair scan below needs no hashing.
  const marks = new Map<number, Map<number, number>>();
  const markOf = (p: JudgeEntryPair, what: string): [Map<number, number>, number, number] => {
    const e = entryIndex.get(p.entryId);
    const j = judgeIndex.get(p.judgeId);
    if (e === undefined || j === undefined) {
      throw new AssignmentInputError(
        `${what} pair (${p.judgeId}, ${p.entryId}) names an unknown judge or entry`,
      );
    }
    let m = marks.get(e);
    if (!m) marks.set(e, (m = new Map()));
    return [m, e, j];
  };
  for (const p of input.excluded ?? []) {
    const [m, , j] = markOf(p, 'excluded');
    m.set(j, MARK_EXCLUDED);
  }
  const keptLoad = new Int32Array(J);
  const keptCount = new Int32Array(E);
  for (const p of input.existing ?? []) {
    const [m, e, j] = markOf(p, 'existing');
    if (m.has(j)) continue; // a duplicate counts once, and a recusal wins over keeping
    m.set(j, MARK_EXISTING);
    keptLoad[j]++;
    keptCount[e]++;
  }

  const countryIds = new Map<string, number>();
  const judgeCountry = new Int32Array(J);
  const judgeTags: ReadonlySet<string>[] = [];
  const judgeProfiles = judges.map((jd, j) => {
    const c = jd.country ? normaliseCountry(jd.country) : '';
    if (c === '') judgeCountry[j] = -1;
    else {
      if (!countryIds.has(c)) countryIds.set(c, countryIds.size);
      judgeCountry[j] = countryIds.get(c)!;
    }
    judgeTags.push(new Set((jd.expertise ?? []).map(normaliseTag)));
    return judgeConflictProfile(jd);
  });
  const K = countryIds.size;
  const capNew = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    capNew[j] = maxLoad === null ? Infinity : Math.max(0, maxLoad - keptLoad[j]);
  }
  const need = new Int32Array(E);
  let demand = 0;
  for (let e = 0; e < E; e++) {
    need[e] = Math.max(0, k - keptCount[e]);
    demand += need[e];
  }

  // Conflicts are found from the entry's side through inverted indexes (institution, country,
  // team, user → judges), so the pass over all pairs below only reads a bit per judge.
  const index = {
    ownInstitution: new Map<string, number[]>(),
    declaredInstitution: new Map<string, number[]>(),
    declaredCountry: new Map<string, number[]>(),
    declaredTeam: new Map<string, number[]>(),
    user: new Map<string, number[]>(),
  };
  const file = (map: Map<string, number[]>, key: string, j: number) => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  judgeProfiles.forEach((p, j) => {
    if (p.institution !== null) file(index.ownInstitution, p.institution, j);
    for (const i of p.institutions) file(index.declaredInstitution, i, j);
    for (const c of p.countries) file(index.declaredCountry, c, j);
    for (const t of p.teamIds) file(index.declaredTeam, t, j);
    file(index.user, p.userId, j);
  });

  const conflictsByKind: Record<ConflictKind, number> = {
    declared_country: 0,
    declared_institution: 0,
    declared_team: 0,
    shared_institution: 0,
    team_member: 0,
  };
  let conflictCount = 0;
  const conflictedExisting: JudgeEntryPair[] = [];
  const unconflicted = new Int32Array(E);
  const eligibleForJudge = new Int32Array(J);
  const eligStart = new Int32Array(E + 1);
  let elig = new Int32Array(Math.max(16, Math.min(E * J, demand * 64)));
  let pairs = 0;
  const mark = new Uint8Array(J);
  const conflictBits = new Uint8Array(J);
  // Pairs per combination of kinds, spread over the kinds once at the end (off the hot path).
  const kindCount = new Int32Array(32);
  const touched: number[] = [];
  const flag = (list: readonly number[] | undefined, bit: number) => {
    if (!list) return;
    for (const j of list) {
      if (conflictBits[j] === 0) touched.push(j);
      conflictBits[j] |= bit;
    }
  };
  const entryTags: ReadonlySet<string>[] = [];
  for (let e = 0; e < E; e++) {
    const entry = entries[e];
    entryTags.push(new Set((entry.tags ?? []).map(normaliseTag)));
    const ep = entryConflictProfile(entry);
    for (const c of ep.countries) flag(index.declaredCountry.get(c), BIT_DECLARED_COUNTRY);
    for (const i of ep.institutions) {
      flag(index.declaredInstitution.get(i), BIT_DECLARED_INSTITUTION);
      flag(index.ownInstitution.get(i), BIT_SHARED_INSTITUTION);
    }
    flag(index.declaredTeam.get(ep.teamId), BIT_DECLARED_TEAM);
    for (const u of ep.memberUserIds) flag(index.user.get(u), BIT_TEAM_MEMBER);
    for (const j of touched) {
      if (mark[j] === MARK_EXCLUDED) continue;
      conflictCount++;
      kindCount[conflictBits[j]]++;
    }

    const m = marks.get(e);
    if (m) {
      for (const [j, v] of m) {
        mark[j] = v;
        if (v === MARK_EXISTING && conflictBits[j] !== 0) {
          conflictedExisting.push({ judgeId: judges[j].id, entryId: entry.id });
        }
      }
    }
    eligStart[e] = pairs;
    if (pairs + J > elig.length) {
      const grown = new Int32Array(Math.max(2 * elig.length, pairs + J));
      grown.set(elig.subarray(0, pairs));
      elig = grown;
    }
    const next = scanEntry(
      J,
      mark,
      conflictBits,
      capNew,
      need[e] > 0,
      elig,
      pairs,
      eligibleForJudge,
    );
    unconflicted[e] = scanned[0];
    pairs = next;
    if (m) for (const j of m.keys()) mark[j] = MARK_NONE;
    for (const j of touched) conflictBits[j] = 0;
    touched.length = 0;
  }
  for (let bits = 1; bits < 32; bits++) {
    for (const [bit, kind] of KIND_BITS) if (bits & bit) conflictsByKind[kind] += kindCount[bits];
  }
  eligStart[E] = pairs;
  elig = elig.subarray(0, pairs);

  const keptJudges: number[][] = Array.from({ length: E }, () => NONE);
  for (const [e, m] of marks) {
    for (const [j, v] of m) {
      if (v !== MARK_EXISTING) continue;
      if (keptJudges[e] === NONE) keptJudges[e] = [];
      keptJudges[e].push(j);
    }
  }
  const pairEntry = new Int32Array(pairs);

  // Country groups: the eligible judges of one country for one entry, when there are two or
  // more of them (a single judge needs no group: its arc carries the country cost itself).
  const pairCost = new Int32Array(pairs);
  const pairGroup = new Int32Array(pairs).fill(-1);
  const groupEntry: number[] = [];
  const groupKept: number[] = [];
  const groupUnits: number[] = [];
  const countInCountry = new Int32Array(K);
  const groupOfCountry = new Int32Array(K).fill(-1);
  // Expertise as bit masks when the tags fit in 31 bits, which is the usual case.
  const tagIds = new Map<string, number>();
  for (const tags of judgeTags)
    for (const t of tags) if (!tagIds.has(t)) tagIds.set(t, tagIds.size);
  const masks = tagIds.size <= 31;
  const judgeMask = new Int32Array(J);
  if (masks) {
    judgeTags.forEach((tags, j) => {
      for (const t of tags) judgeMask[j] |= 1 << tagIds.get(t)!;
    });
  }
  const keptCountry = new Int32Array(K);
  // Module constants compile to `exports.X` reads in CommonJS: keep them out of the hot loop.
  const expertiseWeight = EXPERTISE_WEIGHT;
  const countryWeight = COUNTRY_WEIGHT;
  for (let e = 0; e < E; e++) {
    const a = eligStart[e];
    const b = eligStart[e + 1];
    for (let i = a; i < b; i++) {
      const c = judgeCountry[elig[i]];
      if (c >= 0) countInCountry[c]++;
      pairEntry[i] = e;
    }
    for (const j of keptJudges[e]) if (judgeCountry[j] >= 0) keptCountry[judgeCountry[j]]++;
    const wanted = Math.min(EXPERTISE_TAGS_CONSIDERED, entryTags[e].size);
    let entryMask = 0;
    if (masks) for (const t of entryTags[e]) entryMask |= 1 << (tagIds.get(t) ?? 31);
    for (let i = a; i < b; i++) {
      const j = elig[i];
      const c = judgeCountry[j];
      let cost = masks
        ? expertiseWeight * (wanted - Math.min(wanted, bitCount(judgeMask[j] & entryMask)))
        : expertisePenalty(entryTags[e], judgeTags[j]);
      if (c >= 0) {
        const kept = keptCountry[c];
        if (countInCountry[c] === 1) cost += countryWeight * kept;
        else {
          if (groupOfCountry[c] < 0) {
            groupOfCountry[c] = groupEntry.length;
            groupEntry.push(e);
            groupKept.push(kept);
            groupUnits.push(Math.min(need[e], countInCountry[c]));
          }
          pairGroup[i] = groupOfCountry[c];
        }
      }
      pairCost[i] = cost;
    }
    for (let i = a; i < b; i++) {
      const c = judgeCountry[elig[i]];
      if (c >= 0) {
        countInCountry[c] = 0;
        groupOfCountry[c] = -1;
      }
    }
    for (const j of keptJudges[e]) if (judgeCountry[j] >= 0) keptCountry[judgeCountry[j]] = 0;
  }

  const unitsMax = new Float64Array(J);
  for (let j = 0; j < J; j++) unitsMax[j] = Math.min(capNew[j], eligibleForJudge[j]);

  return {
    k,
    entries,
    judges,
    E,
    J,
    K,
    need,
    demand,
    keptLoad,
    keptCount,
    unitsMax,
    unconflicted,
    eligStart,
    elig,
    pairs,
    pairCost,
    pairGroup,
    groupEntry: Int32Array.from(groupEntry),
    groupKept: Int32Array.from(groupKept),
    groupUnits: Int32Array.from(groupUnits),
    groups: groupEntry.length,
    judgeCountry,
    entryTags,
    judgeTags,
    keptJudges,
    pairEntry,
    perAssignmentMax:
      EXPERTISE_WEIGHT * EXPERTISE_TAGS_CONSIDERED + COUNTRY_WEIGHT * Math.max(0, k - 1),
    conflictCount,
    conflictsByKind,
    conflictedExisting,
  };
}

function indexOf(items: readonly { id: string }[], what: string): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (map.has(item.id)) throw new AssignmentInputError(`${what} ${item.id} is listed twice`);
    map.set(item.id, i);
  });
  return map;
}
