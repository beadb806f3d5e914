import {
  COUNTRIES_COUNTED,
  COUNTRY_POINTS,
  LANGUAGE_POINTS,
  normaliseOrganisation,
  normaliseTopic,
  SDG_POINTS,
  SDGS_COUNTED,
  TOPIC_POINTS,
  TOPICS_COUNTED,
  WHOLE_TEAM_LANGUAGE_POINTS,
} from './scoring';
import type { MentorCandidate, TeamCandidate } from './types';

/**
 * The facts of every team and mentor as bit sets over small vocabularies (topics, countries,
 * languages), so that scoring a pair is a handful of AND and popcount operations: the full
 * teams × mentors matrix (1.2 million pairs at the benchmark's size) is scored in milliseconds.
 * pairScore in scoring.ts is the readable definition; a property test holds the two equal.
 */
export interface Prepared {
  T: number;
  M: number;
  /** Pair scores, team-major (t * M + m); -1 for an institution conflict, -2 for a forbid. */
  score: Int16Array;
  conflicted: Int32Array;
  forbidden: Int32Array;
}

export const CONFLICT = -1;
export const FORBIDDEN = -2;

class Vocabulary {
  private readonly index = new Map<string, number>();
  id(word: string): number {
    let i = this.index.get(word);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(word, i);
    }
    return i;
  }
  get size(): number {
    return this.index.size;
  }
}

const words = (bits: number) => Math.max(1, Math.ceil(bits / 32));

function bitsOf(ids: readonly number[], out: Uint32Array, at: number): void {
  for (const i of ids) out[at + (i >>> 5)] |= 1 << (i & 31);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function common(a: Uint32Array, ia: number, b: Uint32Array, ib: number, W: number): number {
  let n = 0;
  for (let w = 0; w < W; w++) n += popcount(a[ia + w] & b[ib + w]);
  return n;
}

export function prepare(
  teams: readonly TeamCandidate[],
  mentors: readonly MentorCandidate[],
  forbids: ReadonlySet<string>,
): Prepared {
  const T = teams.length;
  const M = mentors.length;
  const topics = new Vocabulary();
  const countries = new Vocabulary();
  const languages = new Vocabulary();
  const orgs = new Vocabulary();
  const teamTopics = teams.map((t) =>
    [...new Set(t.topics.map(normaliseTopic))].map((x) => topics.id(x)),
  );
  const teamCountries = teams.map((t) =>
    [...new Set(t.targetCountries)].map((x) => countries.id(x)),
  );
  const teamMembers = teams.map((t) =>
    t.memberLanguages.filter((l) => l.length > 0).map((l) => l.map((x) => languages.id(x))),
  );
  const teamOrgs = teams.map(
    (t) =>
      new Set(
        t.institutions
          .map(normaliseOrganisation)
          .filter((x) => x !== '')
          .map((x) => orgs.id(x)),
      ),
  );
  const mentorTopics = mentors.map((m) =>
    [...new Set(m.topics.map(normaliseTopic))].map((x) => topics.id(x)),
  );
  const mentorCountries = mentors.map((m) => [...new Set(m.countries)].map((x) => countries.id(x)));
  const mentorLanguages = mentors.map((m) => [...new Set(m.languages)].map((x) => languages.id(x)));
  const mentorOrg = mentors.map((m) => {
    const org = normaliseOrganisation(m.organisation);
    return org === '' ? -1 : orgs.id(org);
  });

  const TW = words(topics.size);
  const CW = words(countries.size);
  const tTopic = new Uint32Array(T * TW);
  const tCountry = new Uint32Array(T * CW);
  const tSdg = new Uint32Array(T);
  for (let t = 0; t < T; t++) {
    bitsOf(teamTopics[t], tTopic, t * TW);
    bitsOf(teamCountries[t], tCountry, t * CW);
    for (const g of teams[t].sdgs) tSdg[t] |= 1 << g;
  }
  const mTopic = new Uint32Array(M * TW);
  const mCountry = new Uint32Array(M * CW);
  const mSdg = new Uint32Array(M);
  const mentorsOfOrg = new Map<number, number[]>();
  for (let m = 0; m < M; m++) {
    bitsOf(mentorTopics[m], mTopic, m * TW);
    bitsOf(mentorCountries[m], mCountry, m * CW);
    for (const g of mentors[m].sdgs) mSdg[m] |= 1 << g;
    if (mentorOrg[m] >= 0)
      mentorsOfOrg.set(mentorOrg[m], [...(mentorsOfOrg.get(mentorOrg[m]) ?? []), m]);
  }

  // Points per count of shared items, capped as scoring.ts caps them.
  const table = (points: number, cap: number) =>
    Int16Array.from({ length: 33 }, (_, n) => points * Math.min(cap, n));
  const sdgPoints = table(SDG_POINTS, SDGS_COUNTED);
  const topicPoints = table(TOPIC_POINTS, TOPICS_COUNTED);
  const countryPoints = table(COUNTRY_POINTS, COUNTRIES_COUNTED);
  const langStart = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) langStart[m + 1] = langStart[m] + mentorLanguages[m].length;
  const langOf = Int32Array.from(mentorLanguages.flat());
  const teamIndex = new Map(teams.map((t, i) => [t.id, i]));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const forbiddenOf = new Map<number, number[]>();
  for (const key of forbids) {
    const [t, m] = key.split(':').map((id, side) => (side === 0 ? teamIndex : mentorIndex).get(id));
    if (t !== undefined && m !== undefined) forbiddenOf.set(t, [...(forbiddenOf.get(t) ?? []), m]);
  }

  const score = new Int16Array(T * M);
  const conflicted = new Int32Array(T);
  const forbidden = new Int32Array(T);
  // Per team: which members speak each language (a bit per member, the first 31 members).
  const speakers = new Int32Array(languages.size);
  const narrow = TW === 1 && CW === 1;
  for (let t = 0; t < T; t++) {
    const row = t * M;
    for (const o of teamOrgs[t]) {
      for (const m of mentorsOfOrg.get(o) ?? []) {
        score[row + m] = CONFLICT;
        conflicted[t]++;
      }
    }
    for (const m of forbiddenOf.get(t) ?? []) {
      if (score[row + m] === CONFLICT) continue;
      score[row + m] = FORBIDDEN;
      forbidden[t]++;
    }
    const members = Math.min(31, teamMembers[t].length);
    const everyone = members === 0 ? 0 : (2 ** members - 1) | 0;
    speakers.fill(0);
    teamMembers[t].forEach((l, k) => {
      if (k < 31) for (const x of l) speakers[x] |= 1 << k;
    });
    const sdg = tSdg[t];
    const topic0 = tTopic[t * TW];
    const country0 = tCountry[t * CW];
    for (let m = 0; m < M; m++) {
      const at = row + m;
      if (score[at] < 0) continue;
      let s = sdgPoints[popcount(sdg & mSdg[m])];
      if (narrow) {
        s +=
          topicPoints[popcount(topic0 & mTopic[m])] +
          countryPoints[popcount(country0 & mCountry[m])];
      } else {
        s +=
          topicPoints[Math.min(32, common(tTopic, t * TW, mTopic, m * TW, TW))] +
          countryPoints[Math.min(32, common(tCountry, t * CW, mCountry, m * CW, CW))];
      }
      let reached = 0;
      for (let x = langStart[m]; x < langStart[m + 1]; x++) reached |= speakers[langOf[x]];
      if (reached !== 0)
        s += LANGUAGE_POINTS + (reached === everyone ? WHOLE_TEAM_LANGUAGE_POINTS : 0);
      score[at] = s;
    }
  }
  return { T, M, score, conflicted, forbidden };
}
