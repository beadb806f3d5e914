/**
 * Synthetic pen-pal populations for benchmarks: plausible enough that the matching engine sees
 * the shapes it will meet (very uneven country sizes, English at mixed levels, Korean learners
 * in ASEAN, skewed interests, minors), and seeded so every figure can be reproduced.
 */
import type {
  AseanCountry,
  LanguageLevel,
  MatchingInput,
  Participant,
  SpokenLanguage,
} from '../../src/penpal/matching';
import { INTEREST_TAGS as PROJECT_INTERESTS } from '../../src/common/reference-data';

/** Rough shares of ASEAN participants: Indonesia large, Brunei tiny. */
export const COUNTRY_SHARES: Record<AseanCountry, number> = {
  ID: 28,
  PH: 15,
  VN: 14,
  TH: 11,
  MY: 9,
  MM: 8,
  KH: 6,
  LA: 4,
  SG: 4,
  BN: 1,
};

const NATIVE: Record<AseanCountry, string[]> = {
  ID: ['id'],
  PH: ['fil'],
  VN: ['vi'],
  TH: ['th'],
  MY: ['ms'],
  MM: ['my'],
  KH: ['km'],
  LA: ['lo'],
  SG: ['en'],
  BN: ['ms'],
};

/** Second languages often spoken well in a country, with the share who speak them. */
const EXTRA: Partial<Record<AseanCountry, [string, number][]>> = {
  ID: [['jv', 0.2]],
  MY: [
    ['zh', 0.2],
    ['ta', 0.07],
  ],
  SG: [
    ['zh', 0.6],
    ['ms', 0.15],
    ['ta', 0.08],
  ],
  BN: [['zh', 0.1]],
};

/** Distribution of English levels per country: [none, basic, conversational, fluent]. */
const ENGLISH: Record<AseanCountry | 'KR', [number, number, number, number]> = {
  KR: [0.1, 0.3, 0.4, 0.2],
  ID: [0.15, 0.3, 0.35, 0.2],
  PH: [0.02, 0.08, 0.3, 0.6],
  VN: [0.15, 0.35, 0.35, 0.15],
  TH: [0.2, 0.35, 0.3, 0.15],
  MY: [0.05, 0.15, 0.4, 0.4],
  MM: [0.25, 0.35, 0.25, 0.15],
  KH: [0.25, 0.35, 0.25, 0.15],
  LA: [0.3, 0.35, 0.25, 0.1],
  SG: [0, 0, 0, 1],
  BN: [0.05, 0.15, 0.35, 0.45],
};

/** The project's controlled interest list, most popular first for the skewed draw below. */
export const INTEREST_TAGS: string[] = [...PROJECT_INTERESTS];

const GENDERS = ['female', 'male', 'non_binary'];

/** mulberry32, so the population is the same on every machine for a given seed */
export function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(rand: () => number, items: T[], weights: number[]): T {
  const total = weights.reduce((x, y) => x + y, 0);
  let r = rand() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

/** Zipf-like weights: the first tags are far more popular than the last. */
const TAG_WEIGHTS = INTEREST_TAGS.map((_, i) => 1 / (i + 2) ** 0.9);

function interests(rand: () => number): string[] {
  const count = 2 + Math.floor(rand() * 5);
  const out = new Set<string>();
  while (out.size < count) out.add(pickWeighted(rand, INTEREST_TAGS, TAG_WEIGHTS));
  return [...out];
}

function age(rand: () => number): number {
  // About a third minors; most between 15 and 24.
  const bands = [
    [13, 15],
    [16, 17],
    [18, 20],
    [21, 24],
    [25, 30],
  ];
  const [lo, hi] = pickWeighted(rand, bands, [0.14, 0.2, 0.26, 0.25, 0.15]);
  return lo + Math.floor(rand() * (hi - lo + 1));
}

const LEVELS: (LanguageLevel | null)[] = [null, 'basic', 'conversational', 'fluent'];

function person(rand: () => number, id: string, country: AseanCountry | 'KR'): Participant {
  const languages: SpokenLanguage[] = [];
  const practise: string[] = [];
  if (country === 'KR') {
    languages.push({ code: 'ko', level: 'native' });
  } else {
    for (const code of NATIVE[country]) languages.push({ code, level: 'native' });
    for (const [code, share] of EXTRA[country] ?? []) {
      if (rand() < share) languages.push({ code, level: rand() < 0.5 ? 'native' : 'fluent' });
    }
  }
  const english = pickWeighted(rand, LEVELS, ENGLISH[country]);
  if (english !== null && !languages.some((l) => l.code === 'en')) {
    languages.push({ code: 'en', level: english });
  }
  if (country === 'KR') {
    // Some Koreans learn a Southeast-Asian language.
    if (rand() < 0.06) {
      const code = pickWeighted(rand, ['vi', 'th', 'id', 'ms', 'fil'], [4, 3, 3, 1, 1]);
      languages.push({ code, level: rand() < 0.7 ? 'basic' : 'conversational' });
      practise.push(code);
    }
    if (rand() < 0.15) practise.push('en');
  } else if (rand() < 0.18) {
    // Korean learners across ASEAN.
    languages.push({
      code: 'ko',
      level: pickWeighted(rand, LEVELS.slice(1), [5, 3, 1]) ?? 'basic',
    });
    practise.push('ko');
  }
  const a = age(rand);
  const gender = pickWeighted(rand, GENDERS, [0.52, 0.45, 0.03]);
  const preferredCountries: ('KR' | AseanCountry)[] = [];
  if (country === 'KR' && rand() < 0.2) {
    const countries = Object.keys(COUNTRY_SHARES) as AseanCountry[];
    preferredCountries.push(pickWeighted(rand, countries, Object.values(COUNTRY_SHARES)));
    if (rand() < 0.3)
      preferredCountries.push(pickWeighted(rand, countries, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
  }
  const minor = a < 18;
  return {
    id,
    country,
    age: a,
    minor,
    consentConfirmed: !minor || rand() < 0.98,
    gender,
    languages,
    interests: interests(rand),
    preferences: {
      preferredCountries,
      practiseLanguages: practise,
      genderPreference: rand() < 0.08 ? gender : null,
      capacity: rand() < 0.7 ? 1 : 2,
    },
  };
}

export interface PopulationOptions {
  perSide: number;
  seed: number;
  k?: number;
  /** the round's pen pals per participant; default 1, as in the API */
  penpals?: number;
}

/** A full matching input: N Koreans, N ASEAN participants, a round with country minimums. */
export function generatePopulation(opts: PopulationOptions): MatchingInput {
  const rand = makeRandom(opts.seed);
  const participants: Participant[] = [];
  const width = String(opts.perSide).length;
  for (let i = 0; i < opts.perSide; i++) {
    participants.push(person(rand, `kr-${String(i).padStart(width, '0')}`, 'KR'));
  }
  const countries = Object.keys(COUNTRY_SHARES) as AseanCountry[];
  const shares = Object.values(COUNTRY_SHARES);
  for (let i = 0; i < opts.perSide; i++) {
    const country = pickWeighted(rand, countries, shares);
    participants.push(
      person(rand, `${country.toLowerCase()}-${String(i).padStart(width, '0')}`, country),
    );
  }
  // A few coordinator decisions, as a real round would have.
  const ids = participants.map((p) => p.id);
  const kr = ids.slice(0, opts.perSide);
  const asean = ids.slice(opts.perSide);
  const pairs = (n: number): [string, string][] =>
    Array.from({ length: n }, () => [
      kr[Math.floor(rand() * kr.length)],
      asean[Math.floor(rand() * asean.length)],
    ]);
  return {
    participants,
    rules: { minAge: 13, maxAge: 30, maxAgeGapYears: 3, requireSharedLanguage: true },
    weights: { language: 30, interests: 35, age: 20, preferences: 15 },
    countryBalance: { minPerCountry: Math.max(1, Math.round(opts.perSide * 0.012)) },
    penpalsPerParticipant: opts.penpals ?? 1,
    forbids: pairs(Math.ceil(opts.perSide / 1000)),
    neverAgain: pairs(Math.ceil(opts.perSide / 200)),
    seed: opts.seed,
    tuning: { candidatesPerPerson: opts.k ?? 50 },
  };
}
