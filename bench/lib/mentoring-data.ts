import type { MentorCandidate, TeamCandidate } from '../../src/mentoring/core';
import { SECTORS } from '../../src/mentoring/core';
import { seededRandom } from './judging-data';

const COUNTRIES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'KR'];
const LANGUAGES = ['en', 'ko', 'id', 'ms', 'th', 'vi', 'tl', 'km', 'lo', 'my', 'zh'];
const TOPICS = [
  'climate',
  'health',
  'education',
  'water',
  'energy',
  'agriculture',
  'urban',
  'oceans',
  'finance',
  'youth',
];

const pick = <T>(rnd: () => number, xs: readonly T[], n: number): T[] => {
  const out = new Set<T>();
  while (out.size < Math.min(n, xs.length)) out.add(xs[Math.floor(rnd() * xs.length)]);
  return [...out];
};
const id = (prefix: number, i: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/**
 * A seeded mentoring round: teams of 2–5 with projects on 1–3 SDGs and 1–3 target countries,
 * members from `institutions` universities; mentors from the same pool of organisations, spread
 * over the five sectors, with capacity 4–10 (7 on average: 4,200 places for the benchmark’s 4,000 wanted).
 */
export function mentoringInstance(opts: {
  teams: number;
  mentors: number;
  institutions?: number;
  seed?: number;
}): { teams: TeamCandidate[]; mentors: MentorCandidate[] } {
  const rnd = seededRandom(opts.seed ?? 1);
  const institutions = opts.institutions ?? 200;
  const org = () => `University ${Math.floor(rnd() * institutions)}`;
  const teams: TeamCandidate[] = Array.from({ length: opts.teams }, (_, i) => {
    const size = 2 + Math.floor(rnd() * 4);
    return {
      id: id(1, i),
      teamId: id(2, i),
      sdgs: pick(
        rnd,
        Array.from({ length: 17 }, (_, g) => g + 1),
        1 + Math.floor(rnd() * 3),
      ),
      topics: pick(rnd, TOPICS, 1 + Math.floor(rnd() * 3)),
      targetCountries: pick(rnd, COUNTRIES, 1 + Math.floor(rnd() * 3)),
      memberLanguages: Array.from({ length: size }, () =>
        pick(rnd, LANGUAGES, 1 + Math.floor(rnd() * 2)),
      ),
      institutions: Array.from({ length: size }, org),
    };
  });
  const mentors: MentorCandidate[] = Array.from({ length: opts.mentors }, (_, i) => ({
    id: id(3, i),
    organisation: rnd() < 0.7 ? org() : `Agency ${i}`,
    sector: SECTORS[Math.floor(rnd() * SECTORS.length)],
    sdgs: pick(
      rnd,
      Array.from({ length: 17 }, (_, g) => g + 1),
      2 + Math.floor(rnd() * 4),
    ),
    topics: pick(rnd, TOPICS, 1 + Math.floor(rnd() * 4)),
    countries: pick(rnd, COUNTRIES, 1 + Math.floor(rnd() * 4)),
    languages: ['en', ...pick(rnd, LANGUAGES, Math.floor(rnd() * 2))],
    capacity: 4 + Math.floor(rnd() * 7),
  }));
  return { teams, mentors };
}
