import { normaliseInstitution, normaliseTag } from '../../judging/assignment/conflicts';
import type { MentorCandidate, Reason, TeamCandidate } from './types';

/** Points per SDG a mentor knows and the project works on (at most SDGS_COUNTED of them). */
export const SDG_POINTS = 10;
export const SDGS_COUNTED = 3;
/** Points per shared topic (at most TOPICS_COUNTED). */
export const TOPIC_POINTS = 6;
export const TOPICS_COUNTED = 3;
/** Points per target country of the project the mentor knows (at most COUNTRIES_COUNTED). */
export const COUNTRY_POINTS = 8;
export const COUNTRIES_COUNTED = 2;
/** A language in common with at least one member; more when every member shares one. */
export const LANGUAGE_POINTS = 12;
export const WHOLE_TEAM_LANGUAGE_POINTS = 6;
/**
 * A team's k-th mentor (k = 0, 1, 2) from a sector it already has costs SECTOR_REPEAT · k: an
 * academic with a policy maker beats two academics unless the second academic fits the project
 * better by more than this. Increasing per-sector costs are convex, so the min-cost flow optimises
 * the mix exactly.
 */
export const SECTOR_REPEAT = 15;

export const MAX_SCORE =
  SDG_POINTS * SDGS_COUNTED +
  TOPIC_POINTS * TOPICS_COUNTED +
  COUNTRY_POINTS * COUNTRIES_COUNTED +
  LANGUAGE_POINTS +
  WHOLE_TEAM_LANGUAGE_POINTS;

export const normaliseOrganisation = normaliseInstitution;
export const normaliseTopic = normaliseTag;

/** A member of the team studies or works at the mentor's organisation. */
export function institutionConflict(team: TeamCandidate, mentor: MentorCandidate): boolean {
  const org = normaliseOrganisation(mentor.organisation);
  return org !== '' && team.institutions.some((i) => normaliseOrganisation(i) === org);
}

const shared = <T>(a: readonly T[], b: ReadonlySet<T>): T[] =>
  [...new Set(a)].filter((x) => b.has(x));

/** What a team and a mentor share, as reasons (data; see reasons.ts for the words). */
export function pairFacts(team: TeamCandidate, mentor: MentorCandidate): Reason[] {
  const out: Reason[] = [];
  const sdgs = shared(team.sdgs, new Set(mentor.sdgs)).sort((a, b) => a - b);
  if (sdgs.length > 0) out.push({ code: 'shared_sdgs', sdgs });
  const mentorTopics = new Set(mentor.topics.map(normaliseTopic));
  const topics = shared(team.topics.map(normaliseTopic), mentorTopics).sort();
  if (topics.length > 0) out.push({ code: 'shared_topics', topics });
  const countries = shared(team.targetCountries, new Set(mentor.countries)).sort();
  if (countries.length > 0) out.push({ code: 'knows_countries', countries });
  const spoken = new Set(mentor.languages);
  const languages = [...new Set(team.memberLanguages.flat())].filter((l) => spoken.has(l)).sort();
  if (languages.length > 0) out.push({ code: 'shared_language', languages });
  return out;
}

/** The pair's points: the same facts, each counted up to its cap. */
export function pairScore(team: TeamCandidate, mentor: MentorCandidate): number {
  let score = 0;
  for (const r of pairFacts(team, mentor)) {
    if (r.code === 'shared_sdgs') score += SDG_POINTS * Math.min(SDGS_COUNTED, r.sdgs!.length);
    if (r.code === 'shared_topics')
      score += TOPIC_POINTS * Math.min(TOPICS_COUNTED, r.topics!.length);
    if (r.code === 'knows_countries')
      score += COUNTRY_POINTS * Math.min(COUNTRIES_COUNTED, r.countries!.length);
  }
  return score + languagePoints(team, mentor);
}

export function languagePoints(team: TeamCandidate, mentor: MentorCandidate): number {
  const spoken = new Set(mentor.languages);
  const members = team.memberLanguages.filter((l) => l.length > 0);
  const reached = members.filter((l) => l.some((c) => spoken.has(c))).length;
  if (reached === 0) return 0;
  return LANGUAGE_POINTS + (reached === members.length ? WHOLE_TEAM_LANGUAGE_POINTS : 0);
}

/** What a team's same-sector mentors cost: SECTOR_REPEAT · (0 + 1 + ... + (n − 1)) per sector. */
export function sectorPenalty(sectors: readonly string[]): number {
  const count = new Map<string, number>();
  let penalty = 0;
  for (const s of sectors) {
    const k = count.get(s) ?? 0;
    penalty += SECTOR_REPEAT * k;
    count.set(s, k + 1);
  }
  return penalty;
}
