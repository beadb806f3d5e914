import { blockId, buildBlocks, type Blocks, type CandidateGraph } from './candidates';
import { genderCompatible, type Prepared, type Side } from './prepare';
import type { UnmatchedParticipant, UnmatchedReason } from './types';
import { COUNTRY_SLOTS, joinWords, KR_SLOT, languageName } from './vocabulary';

interface Diagnosis {
  reason: UnmatchedReason;
  detail: string;
}

/**
 * Explains why each person without a pair is unmatched, taking the rules in the order a
 * coordinator would check them: eligibility, then whether anyone on the other side passes the
 * age rules, then also shares a language, then also fits both gender preferences, then is not
 * a forbidden or earlier pair. Someone who passes all of that had compatible candidates that
 * the optimum gave to others, because their capacity was needed there: "no_capacity".
 */
export function diagnoseUnmatched(
  prep: Prepared,
  graph: CandidateGraph,
  krMatched: Uint8Array,
  aseanMatched: Uint8Array,
): UnmatchedParticipant[] {
  const { kr, asean } = prep;
  const aseanDegree = new Int32Array(asean.count);
  for (let e = 0; e < graph.edges; e++) aseanDegree[graph.asean[e]]++;
  const out: UnmatchedParticipant[] = [...prep.withoutConsent];
  const sides: [Side, Side, Uint8Array, (p: number) => number, boolean][] = [
    [kr, asean, krMatched, (p) => graph.start[p + 1] - graph.start[p], true],
    [asean, kr, aseanMatched, (p) => aseanDegree[p], false],
  ];
  for (const [from, to, matched, degree, fromKr] of sides) {
    let blocks: Blocks | null = null;
    let byAge: Int32Array | null = null;
    let stamp: Int32Array | null = null;
    for (let p = 0; p < from.count; p++) {
      if (matched[p]) continue;
      const person = from.participants[p];
      let d: Diagnosis | null = from.ineligible[p];
      if (d === null) {
        blocks ??= buildBlocks(prep, to, (i) => to.eligible[i] === 1);
        byAge ??= countByAge(to, blocks);
        stamp ??= new Int32Array(to.count).fill(-1);
        d = diagnoseEligible(prep, from, to, fromKr, p, blocks, byAge, stamp, degree(p));
      }
      out.push({ id: person.id, country: person.country, reason: d.reason, detail: d.detail });
    }
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Eligible people per (minor, age), indexed minor * ages + age - ageLo as in the blocks. */
function countByAge(side: Side, blocks: Blocks): Int32Array {
  const counts = new Int32Array(2 * blocks.ages);
  for (let i = 0; i < side.count; i++) {
    if (side.eligible[i] === 1) counts[side.minor[i] * blocks.ages + side.age[i] - blocks.ageLo]++;
  }
  return counts;
}

function diagnoseEligible(
  prep: Prepared,
  from: Side,
  to: Side,
  fromKr: boolean,
  p: number,
  blocks: Blocks,
  byAge: Int32Array,
  stamp: Int32Array,
  degree: number,
): Diagnosis {
  const { rules } = prep;
  const gap = rules.maxAgeGapYears;
  const age = from.age[p];
  const minors = rules.minorsOnlyWithMinors ? [from.minor[p]] : [0, 1];
  const countryLo = fromKr ? 0 : KR_SLOT;
  const countryHi = fromKr ? KR_SLOT : COUNTRY_SLOTS;
  const aLo = Math.max(age - gap, blocks.ageLo);
  const aHi = Math.min(age + gap, blocks.ageLo + blocks.ages - 1);
  const size = (id: number): number => blocks.start[id + 1] - blocks.start[id];

  let ageCompatible = 0;
  for (const minor of minors) {
    for (let a = aLo; a <= aHi; a++) ageCompatible += byAge[minor * blocks.ages + a - blocks.ageLo];
  }
  if (ageCompatible === 0) {
    const who = rules.minorsOnlyWithMinors ? (from.minor[p] ? 'minor' : 'adult') : 'one';
    return {
      reason: 'age_rules',
      detail: `no ${who} on the other side is within ${gap} years of age ${age}`,
    };
  }

  const ids: number[] = [];
  for (const minor of minors) {
    for (let a = aLo; a <= aHi; a++) {
      const langs = rules.requireSharedLanguage
        ? Array.from(from.langList.subarray(from.langStart[p], from.langStart[p + 1]))
        : [0];
      for (const l of langs) {
        for (let c = countryLo; c < countryHi; c++) {
          const id = blockId(blocks, minor, a, l, c);
          if (size(id) > 0) ids.push(id);
        }
      }
    }
  }
  if (ids.length === 0) {
    const spoken = Array.from(from.langList.subarray(from.langStart[p], from.langStart[p + 1]));
    return {
      reason: 'no_shared_language',
      detail: `no one of a compatible age speaks ${joinWords(
        spoken.map((l) => languageName(prep.languages[l])),
      )}`,
    };
  }

  let genderOk = false;
  let allowed = false;
  let withRoom = false;
  const nA = prep.asean.count;
  search: for (const id of ids) {
    for (let i = blocks.start[id]; i < blocks.start[id + 1]; i++) {
      const q = blocks.members[i];
      if (stamp[q] === p) continue;
      stamp[q] = p;
      if (!genderCompatible(from.gender[p], from.genderPref[p], to.gender[q], to.genderPref[q])) {
        continue;
      }
      genderOk = true;
      const key = fromKr ? p * nA + q : q * nA + p;
      if (!prep.forbidden.has(key)) {
        allowed = true;
        // Someone whose places are all taken by kept (pinned or published) pairs has no room.
        if (to.remaining[q] > 0) {
          withRoom = true;
          break search;
        }
      }
    }
  }
  if (!genderOk) {
    return {
      reason: 'gender_preference',
      detail: 'no one of a compatible age and language fits both gender preferences',
    };
  }
  if (!allowed) {
    return {
      reason: 'excluded_pairs',
      detail: 'every compatible pen pal is forbidden or was paired with them before',
    };
  }
  if (!withRoom) {
    return {
      reason: 'no_capacity',
      detail: 'every compatible pen pal already has all the pen pals they asked for',
    };
  }
  if (degree === 0) {
    return { reason: 'no_candidate', detail: 'no candidate was found for them' };
  }
  return {
    reason: 'no_capacity',
    detail: `all ${degree} of their candidates are at capacity with other pen pals`,
  };
}
