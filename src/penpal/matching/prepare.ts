import { ADULT_AGE, ageOn } from '../../common/age';
import { hashSeed, Rng } from './rng';
import {
  ASEAN_COUNTRIES,
  MatchingInputError,
  type MatchingInput,
  type Participant,
  type UnmatchedParticipant,
  type UnmatchedReason,
} from './types';
import {
  COUNTRY_SLOTS,
  countrySlot,
  KR_SLOT,
  LEVEL_RANK,
  PRACTISE_PARTNER_LEVEL,
} from './vocabulary';

/** Rules with every default filled in. */
export interface ResolvedRules {
  minAge: number;
  maxAge: number;
  maxAgeGapYears: number;
  requireSharedLanguage: boolean;
  minorsOnlyWithMinors: boolean;
}

/**
 * One side of the bipartite graph (Korean or ASEAN participants with consent), as parallel
 * typed arrays indexed by the side-local person index. Tag sets (languages, interests) are
 * bitsets of `words` 32-bit words per person over a vocabulary sorted by name.
 */
export interface Side {
  count: number;
  participants: Participant[];
  age: Int16Array;
  minor: Uint8Array;
  /** 0 = unknown, else index + 1 in Prepared.genders */
  gender: Int32Array;
  /** 0 = no preference, else index + 1 in Prepared.genders */
  genderPref: Int32Array;
  country: Uint8Array;
  /** bitmask over country slots */
  prefCountries: Int32Array;
  capacity: Int32Array;
  pinned: Int32Array;
  /** pairs this person may still receive: 0 unless eligible */
  remaining: Int32Array;
  /** may receive new pairs (consent, age rules, capacity, a language when one is required) */
  eligible: Uint8Array;
  /** for people who are not eligible: why (null when eligible) */
  ineligible: ({ reason: UnmatchedReason; detail: string } | null)[];
  langWords: Uint32Array;
  fluentWords: Uint32Array;
  practiseWords: Uint32Array;
  interestWords: Uint32Array;
  /** level rank (1..4, 0 = not spoken) at [person * languages.length + language] */
  langLevel: Uint8Array;
  /** language indices spoken by each person: langList[langStart[p] .. langStart[p + 1]) */
  langStart: Int32Array;
  langList: Int32Array;
  /**
   * Everything scoring and candidate checks read, one record of Prepared.layout.stride ints
   * per person: at 100,000 a side a score touches one cache line of the other person instead
   * of a dozen scattered arrays.
   */
  features: Int32Array;
}

/**
 * Offsets in a feature record. levelAtLeast[t - 1] holds the languages spoken at level t or
 * better (basic 1 .. native 4), so the best level two people share in a common language is the
 * highest t whose sets intersect, with no per-language loop.
 */
export interface FeatureLayout {
  stride: number;
  levelAtLeast: [number, number, number, number];
  practise: number;
  interests: number;
  age: number;
  prefCountries: number;
  country: number;
  gender: number;
  genderPref: number;
}

export function featureLayout(langWords: number, interestWords: number): FeatureLayout {
  const interests = 5 * langWords;
  const age = interests + interestWords;
  return {
    stride: age + 5,
    levelAtLeast: [0, langWords, 2 * langWords, 3 * langWords],
    practise: 4 * langWords,
    interests,
    age,
    prefCountries: age + 1,
    country: age + 2,
    gender: age + 3,
    genderPref: age + 4,
  };
}

export interface Prepared {
  kr: Side;
  asean: Side;
  rules: ResolvedRules;
  penpalsPerParticipant: number;
  minPerCountry: number;
  languages: string[];
  interests: string[];
  genders: string[];
  langWords: number;
  interestWords: number;
  layout: FeatureLayout;
  /** kept pins as parallel lists of (kr, asean) indices */
  pinKr: number[];
  pinAsean: number[];
  /** pairs barred from new matching (forbids, never-again, and kept pins): key kr * n + asean */
  barred: Set<number>;
  /** forbids and never-again only, for explaining who is unmatched */
  forbidden: Set<number>;
  /** people the engine can never match (no consent), reported as they are */
  withoutConsent: UnmatchedParticipant[];
  pinnedPerCountry: Int32Array;
  enrolledPerCountry: Int32Array;
  warnings: string[];
  rng: Rng;
}

export function pairKey(prep: Prepared, kr: number, asean: number): number {
  return kr * prep.asean.count + asean;
}

const LEVELS = new Set(Object.keys(LEVEL_RANK));

export function resolveRules(input: MatchingInput): ResolvedRules {
  const r = input.rules ?? {};
  return {
    minAge: r.minAge ?? 0,
    maxAge: r.maxAge ?? 200,
    maxAgeGapYears: Math.max(0, Math.floor(r.maxAgeGapYears ?? 3)),
    requireSharedLanguage: r.requireSharedLanguage ?? true,
    minorsOnlyWithMinors: r.minorsOnlyWithMinors ?? true,
  };
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

function noGenderPreference(pref: string | null | undefined): boolean {
  return pref === null || pref === undefined || pref.trim() === '' || normalise(pref) === 'any';
}

/** Completed years at the reference date, from ISO dates, without time zones getting involved. */
function ageAt(birthDate: string, referenceDate: string): number {
  for (const [iso, what] of [
    [birthDate, 'birthDate'],
    [referenceDate, 'referenceDate'],
  ]) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) {
      throw new MatchingInputError(`${what} must be an ISO date, got "${iso}"`);
    }
  }
  return ageOn(birthDate, referenceDate);
}

/** Completed years from the birth date at the reference date, else the given age; -1 unknown. */
function participantAge(p: Participant, referenceDate: string | undefined): number {
  if (p.birthDate !== undefined && p.birthDate !== null) {
    if (referenceDate === undefined) {
      throw new MatchingInputError('referenceDate is required when birth dates are given');
    }
    return ageAt(p.birthDate, referenceDate);
  }
  return typeof p.age === 'number' && Number.isFinite(p.age) ? Math.floor(p.age) : -1;
}

/** The input's own flag when it has one, else under 18 by age. */
function isMinor(p: Participant, age: number): boolean {
  return p.minor ?? (age >= 0 && age < ADULT_AGE);
}

function validate(input: MatchingInput): void {
  if (!Array.isArray(input.participants)) {
    throw new MatchingInputError('participants must be an array');
  }
  const seen = new Set<string>();
  for (const p of input.participants) {
    if (typeof p.id !== 'string' || p.id === '') {
      throw new MatchingInputError('every participant needs a non-empty string id');
    }
    if (seen.has(p.id)) throw new MatchingInputError(`participant ${p.id} appears twice`);
    seen.add(p.id);
    if (countrySlot(p.country) < 0) {
      throw new MatchingInputError(`participant ${p.id} has an unknown country "${p.country}"`);
    }
    if (!Array.isArray(p.languages) || !Array.isArray(p.interests)) {
      throw new MatchingInputError(`participant ${p.id} needs languages and interests arrays`);
    }
    for (const l of p.languages) {
      if (typeof l.code !== 'string' || l.code.trim() === '' || !LEVELS.has(l.level)) {
        throw new MatchingInputError(`participant ${p.id} has an invalid language entry`);
      }
    }
    for (const c of p.preferences?.preferredCountries ?? []) {
      if (countrySlot(c) < 0) {
        throw new MatchingInputError(`participant ${p.id} prefers an unknown country "${c}"`);
      }
    }
  }
  const ppp = input.penpalsPerParticipant ?? 1;
  if (!Number.isInteger(ppp) || ppp < 1) {
    throw new MatchingInputError('penpalsPerParticipant must be a positive integer');
  }
  const min = input.countryBalance?.minPerCountry ?? 0;
  if (!Number.isInteger(min) || min < 0) {
    throw new MatchingInputError('minPerCountry must be a non-negative integer');
  }
}

/**
 * Normalised terms indexed in sorted order. Each raw spelling is normalised once: at 100,000
 * people the same few codes and tags recur millions of times.
 */
class Vocabulary {
  /** raw spelling -> normalised term, then (after seal) raw spelling -> index */
  private readonly raw = new Map<string, string>();
  private readonly byRaw = new Map<string, number>();
  /** normalised term -> index */
  index = new Map<string, number>();

  add(text: string): void {
    if (!this.raw.has(text)) this.raw.set(text, normalise(text));
  }

  seal(): this {
    const sorted = [...new Set(this.raw.values())].sort();
    this.index = new Map(sorted.map((v, i) => [v, i]));
    for (const [text, term] of this.raw) this.byRaw.set(text, this.index.get(term) as number);
    return this;
  }

  /** index of a spelling that was added */
  of(text: string): number {
    return this.byRaw.get(text) as number;
  }

  get size(): number {
    return this.index.size;
  }
}

function setBit(words: Uint32Array, base: number, index: number): void {
  words[base + (index >>> 5)] |= 1 << (index & 31);
}

export function prepare(input: MatchingInput): Prepared {
  validate(input);
  const rules = resolveRules(input);
  const ppp = input.penpalsPerParticipant ?? 1;
  const minPerCountry = input.countryBalance?.minPerCountry ?? 0;
  const rng = new Rng(hashSeed(input.seed));
  const warnings: string[] = [];

  // Canonical order first (by id), then a seeded shuffle: the input order never matters, and
  // the seed decides the order in which equally good options are considered.
  const ordered = [...input.participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  rng.fork(1).shuffle(ordered);

  const enrolledPerCountry = new Int32Array(11);
  const withoutConsent: UnmatchedParticipant[] = [];
  const krPeople: Participant[] = [];
  const aseanPeople: Participant[] = [];
  for (const p of ordered) {
    enrolledPerCountry[countrySlot(p.country)]++;
    if (!p.consentConfirmed) {
      withoutConsent.push({
        id: p.id,
        country: p.country,
        reason: 'consent',
        detail: 'guardian consent is not confirmed',
      });
    } else if (p.country === 'KR') {
      krPeople.push(p);
    } else {
      aseanPeople.push(p);
    }
  }

  localityOrder(krPeople, input.referenceDate);
  localityOrder(aseanPeople, input.referenceDate);
  const consented = [...krPeople, ...aseanPeople];
  const langIndex = new Vocabulary();
  const interestIndex = new Vocabulary();
  const genderIndex = new Vocabulary();
  for (const p of consented) {
    for (const l of p.languages) langIndex.add(l.code);
    for (const code of p.preferences?.practiseLanguages ?? []) langIndex.add(code);
    for (const tag of p.interests) interestIndex.add(tag);
    if (p.gender) genderIndex.add(p.gender);
    const pref = p.preferences?.genderPreference;
    if (!noGenderPreference(pref)) genderIndex.add(pref as string);
  }
  langIndex.seal();
  interestIndex.seal();
  genderIndex.seal();
  const langWords = Math.max(1, Math.ceil(langIndex.size / 32));
  const interestWords = Math.max(1, Math.ceil(interestIndex.size / 32));
  const layout = featureLayout(langWords, interestWords);

  const makeSide = (people: Participant[]): Side => {
    const n = people.length;
    const L = langIndex.size;
    const side: Side = {
      count: n,
      participants: people,
      age: new Int16Array(n),
      minor: new Uint8Array(n),
      gender: new Int32Array(n),
      genderPref: new Int32Array(n),
      country: new Uint8Array(n),
      prefCountries: new Int32Array(n),
      capacity: new Int32Array(n),
      pinned: new Int32Array(n),
      remaining: new Int32Array(n),
      eligible: new Uint8Array(n),
      ineligible: new Array(n).fill(null),
      langWords: new Uint32Array(n * langWords),
      fluentWords: new Uint32Array(n * langWords),
      practiseWords: new Uint32Array(n * langWords),
      interestWords: new Uint32Array(n * interestWords),
      langLevel: new Uint8Array(n * L),
      langStart: new Int32Array(n + 1),
      langList: new Int32Array(0),
      features: new Int32Array(n * layout.stride),
    };
    const langList: number[] = [];
    people.forEach((p, i) => {
      const age = participantAge(p, input.referenceDate);
      side.age[i] = Math.max(-1, Math.min(age, 32767));
      side.minor[i] = isMinor(p, age) ? 1 : 0;
      side.gender[i] = p.gender ? genderIndex.of(p.gender) + 1 : 0;
      const pref = p.preferences?.genderPreference;
      side.genderPref[i] = noGenderPreference(pref) ? 0 : genderIndex.of(pref as string) + 1;
      side.country[i] = countrySlot(p.country);
      for (const c of p.preferences?.preferredCountries ?? []) {
        side.prefCountries[i] |= 1 << countrySlot(c);
      }
      const wanted = p.preferences?.capacity ?? ppp;
      side.capacity[i] = Math.max(0, Math.min(Math.floor(wanted), ppp));

      const lw = i * langWords;
      side.langStart[i] = langList.length;
      for (const l of p.languages) {
        const li = langIndex.of(l.code);
        const rank = LEVEL_RANK[l.level];
        const at = i * L + li;
        if (side.langLevel[at] === 0) langList.push(li);
        if (rank > side.langLevel[at]) side.langLevel[at] = rank;
        setBit(side.langWords, lw, li);
        if (rank >= PRACTISE_PARTNER_LEVEL) setBit(side.fluentWords, lw, li);
      }
      for (const code of p.preferences?.practiseLanguages ?? []) {
        setBit(side.practiseWords, lw, langIndex.of(code));
      }
      for (const tag of p.interests) {
        setBit(side.interestWords, i * interestWords, interestIndex.of(tag));
      }

      const f = i * layout.stride;
      for (let j = side.langStart[i]; j < langList.length; j++) {
        const li = langList[j];
        for (let t = 1; t <= side.langLevel[i * L + li]; t++) {
          side.features[f + layout.levelAtLeast[t - 1] + (li >>> 5)] |= 1 << (li & 31);
        }
      }
      for (let w = 0; w < langWords; w++)
        side.features[f + layout.practise + w] = side.practiseWords[lw + w];
      for (let w = 0; w < interestWords; w++) {
        side.features[f + layout.interests + w] = side.interestWords[i * interestWords + w];
      }
      side.features[f + layout.age] = side.age[i];
      side.features[f + layout.prefCountries] = side.prefCountries[i];
      side.features[f + layout.country] = side.country[i];
      side.features[f + layout.gender] = side.gender[i];
      side.features[f + layout.genderPref] = side.genderPref[i];

      if (age < 0) {
        side.ineligible[i] = { reason: 'age_rules', detail: 'age unknown' };
      } else if (age < rules.minAge || age > rules.maxAge) {
        side.ineligible[i] = {
          reason: 'age_rules',
          detail: `age ${age} is outside the round's ${rules.minAge}-${rules.maxAge}`,
        };
      } else if (side.capacity[i] === 0) {
        side.ineligible[i] = { reason: 'no_capacity', detail: 'asked for no pen pals' };
      } else if (rules.requireSharedLanguage && side.langStart[i] === langList.length) {
        side.ineligible[i] = { reason: 'no_shared_language', detail: 'no language listed' };
      } else {
        side.eligible[i] = 1;
      }
    });
    side.langStart[n] = langList.length;
    side.langList = Int32Array.from(langList);
    return side;
  };

  const kr = makeSide(krPeople);
  const asean = makeSide(aseanPeople);
  const prep: Prepared = {
    kr,
    asean,
    rules,
    penpalsPerParticipant: ppp,
    minPerCountry,
    languages: [...langIndex.index.keys()],
    interests: [...interestIndex.index.keys()],
    genders: [...genderIndex.index.keys()],
    langWords,
    interestWords,
    layout,
    pinKr: [],
    pinAsean: [],
    barred: new Set(),
    forbidden: new Set(),
    withoutConsent,
    pinnedPerCountry: new Int32Array(11),
    enrolledPerCountry,
    warnings,
    rng,
  };
  applyPairLists(prep, input);
  for (const side of [kr, asean]) {
    for (let i = 0; i < side.count; i++) {
      side.remaining[i] = side.eligible[i] ? Math.max(0, side.capacity[i] - side.pinned[i]) : 0;
      if (side.pinned[i] > side.capacity[i]) {
        warnings.push(
          `${side.participants[i].id} has ${side.pinned[i]} pinned pairs, more than the capacity ${side.capacity[i]}`,
        );
      }
    }
  }
  return prep;
}

/**
 * Orders people (stably, so the seeded order decides within a group) by minor status, age and
 * country: candidate blocks are then runs of nearby records, and sampling them reads memory
 * forwards instead of at random.
 */
function localityOrder(people: Participant[], referenceDate: string | undefined): void {
  const AGES = 202;
  const key = new Int32Array(people.length);
  people.forEach((p, i) => {
    const age = participantAge(p, referenceDate);
    const minor = isMinor(p, age) ? 1 : 0;
    const ageSlot = Math.max(0, Math.min(age + 1, AGES - 1));
    key[i] = (minor * AGES + ageSlot) * COUNTRY_SLOTS + countrySlot(p.country);
  });
  // Counting sort: stable, and linear at 100,000 people.
  const count = new Int32Array(2 * AGES * COUNTRY_SLOTS + 1);
  for (let i = 0; i < key.length; i++) count[key[i] + 1]++;
  for (let b = 1; b < count.length; b++) count[b] += count[b - 1];
  const sorted = new Array<Participant>(people.length);
  for (let i = 0; i < key.length; i++) sorted[count[key[i]]++] = people[i];
  for (let i = 0; i < sorted.length; i++) people[i] = sorted[i];
}

/** Resolves forbids, never-again pairs and pins from ids to indices. */
function applyPairLists(prep: Prepared, input: MatchingInput): void {
  const lists = [input.pins, input.forbids, input.neverAgain];
  if (lists.every((list) => list === undefined || list.length === 0)) return;
  // Only the people the lists name: the lists are short, the sides can be 100,000 long.
  const named = new Set<string>();
  for (const list of lists) {
    for (const pair of list ?? []) if (Array.isArray(pair)) pair.forEach((id) => named.add(id));
  }
  const where = new Map<string, { kr: boolean; index: number }>();
  prep.kr.participants.forEach((p, i) => {
    if (named.has(p.id)) where.set(p.id, { kr: true, index: i });
  });
  prep.asean.participants.forEach((p, i) => {
    if (named.has(p.id)) where.set(p.id, { kr: false, index: i });
  });
  const noConsent = new Set(prep.withoutConsent.map((p) => p.id));

  const resolve = (pair: readonly [string, string], what: string): [number, number] | null => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new MatchingInputError(`${what} must be pairs of two participant ids`);
    }
    const a = where.get(pair[0]);
    const b = where.get(pair[1]);
    if (a === undefined || b === undefined) {
      const missing = a === undefined ? pair[0] : pair[1];
      const why = noConsent.has(missing) ? 'has no confirmed consent' : 'is not enrolled';
      prep.warnings.push(`${what} ${pair[0]}-${pair[1]} ignored: ${missing} ${why}`);
      return null;
    }
    if (a.kr === b.kr) {
      prep.warnings.push(`${what} ${pair[0]}-${pair[1]} ignored: both are on the same side`);
      return null;
    }
    return a.kr ? [a.index, b.index] : [b.index, a.index];
  };

  for (const [list, what] of [
    [input.forbids ?? [], 'forbid'],
    [input.neverAgain ?? [], 'never-again pair'],
  ] as const) {
    for (const pair of list) {
      const r = resolve(pair, what);
      if (r === null) continue;
      const key = pairKey(prep, r[0], r[1]);
      prep.forbidden.add(key);
      prep.barred.add(key);
    }
  }

  const pinned = new Set<number>();
  for (const pair of input.pins ?? []) {
    const r = resolve(pair, 'pin');
    if (r === null) continue;
    const [k, a] = r;
    const key = pairKey(prep, k, a);
    const label = `pin ${pair[0]}-${pair[1]}`;
    if (pinned.has(key)) {
      prep.warnings.push(`${label} given twice`);
      continue;
    }
    if (prep.forbidden.has(key)) {
      prep.warnings.push(`${label} ignored: the pair is forbidden or must not be made again`);
      continue;
    }
    // Safeguarding is never overridden, not even by a coordinator's pin.
    if (prep.rules.minorsOnlyWithMinors && prep.kr.minor[k] !== prep.asean.minor[a]) {
      prep.warnings.push(`${label} ignored: a minor is only paired with a minor`);
      continue;
    }
    const broken = pairRuleViolations(prep, k, a);
    if (broken.length > 0) prep.warnings.push(`${label} kept although ${broken.join(', ')}`);
    pinned.add(key);
    prep.barred.add(key);
    prep.pinKr.push(k);
    prep.pinAsean.push(a);
    prep.kr.pinned[k]++;
    prep.asean.pinned[a]++;
    prep.pinnedPerCountry[prep.asean.country[a]]++;
  }
}

/** The hard rules a given pair breaks (besides capacity and the pair lists), as phrases. */
export function pairRuleViolations(prep: Prepared, k: number, a: number): string[] {
  const { kr, asean, rules } = prep;
  const out: string[] = [];
  if (rules.minorsOnlyWithMinors && kr.minor[k] !== asean.minor[a]) {
    out.push('it pairs a minor with an adult');
  }
  if (kr.age[k] < 0 || asean.age[a] < 0) out.push('an age is unknown');
  else if (Math.abs(kr.age[k] - asean.age[a]) > rules.maxAgeGapYears) {
    out.push('the age gap is too large');
  }
  for (const [side, i] of [
    [kr, k],
    [asean, a],
  ] as const) {
    if (side.age[i] >= 0 && (side.age[i] < rules.minAge || side.age[i] > rules.maxAge)) {
      out.push(`${side.participants[i].id} is outside the age range`);
    }
  }
  if (rules.requireSharedLanguage && !sharesLanguage(prep, k, a)) {
    out.push('they share no language');
  }
  if (!genderCompatible(kr.gender[k], kr.genderPref[k], asean.gender[a], asean.genderPref[a])) {
    out.push('a gender preference is not met');
  }
  return out;
}

export function sharesLanguage(prep: Prepared, k: number, a: number): boolean {
  const w = prep.langWords;
  for (let i = 0; i < w; i++) {
    if ((prep.kr.langWords[k * w + i] & prep.asean.langWords[a * w + i]) !== 0) return true;
  }
  return false;
}

export function genderCompatible(gA: number, prefA: number, gB: number, prefB: number): boolean {
  return (prefA === 0 || prefA === gB) && (prefB === 0 || prefB === gA);
}

export const ASEAN_SLOTS = ASEAN_COUNTRIES.length;
export { KR_SLOT };
