import type { Prepared } from './prepare';
import type { PairFacts } from './types';
import {
  COUNTRY_NAMES,
  COUNTRY_NAMES_KO,
  interestLabel,
  interestLabelKo,
  joinWords,
  KR_SLOT,
  languageName,
  languageNameKo,
  slotCountry,
} from './vocabulary';

const NAMED_INTERESTS = 3;

/** Indices of the bits set in both a[ia ..] and b[ib ..] (n words each), in increasing order. */
function intersect(a: Uint32Array, ia: number, b: Uint32Array, ib: number, n: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < n; w++) pushBits(out, w, a[ia + w] & b[ib + w]);
  return out;
}

function pushBits(out: number[], word: number, bits: number): void {
  let x = bits;
  while (x !== 0) {
    const bit = x & -x;
    out.push(word * 32 + (31 - Math.clz32(bit)));
    x ^= bit;
  }
}

/**
 * What a pair shares and what either asked for, as plain data: languages by code, interests by
 * tag. Never another person's private details. Rendered into sentences per locale below, so a
 * participant reads the reasons in their own language.
 */
export function pairFacts(prep: Prepared, k: number, a: number): PairFacts {
  const { kr, asean } = prep;
  const LW = prep.langWords;
  const IW = prep.interestWords;

  // A language one of them only knows a little of is not "spoken" by both.
  const L = prep.languages.length;
  const speak: string[] = [];
  const some: string[] = [];
  for (const i of intersect(kr.langWords, k * LW, asean.langWords, a * LW, LW)) {
    const level = Math.min(kr.langLevel[k * L + i], asean.langLevel[a * L + i]);
    (level >= 2 ? speak : some).push(prep.languages[i]);
  }

  // Either direction, each language once, in index order.
  const practised: number[] = [];
  for (let w = 0; w < LW; w++) {
    const kp = kr.practiseWords[k * LW + w] & asean.fluentWords[a * LW + w];
    const ap = asean.practiseWords[a * LW + w] & kr.fluentWords[k * LW + w];
    pushBits(practised, w, kp | ap);
  }

  const interests = intersect(kr.interestWords, k * IW, asean.interestWords, a * IW, IW);
  return {
    speak,
    some,
    practise: practised.map((i) => prep.languages[i]),
    interests: interests.map((i) => prep.interests[i]),
    ageGap: Math.abs(kr.age[k] - asean.age[a]),
    askedCountry:
      (kr.prefCountries[k] >>> asean.country[a]) & 1 ? slotCountry(asean.country[a]) : null,
    askedKorea: ((asean.prefCountries[a] >>> KR_SLOT) & 1) === 1,
  };
}

/** Sentences a participant can read about why this pen pal was proposed. */
export function pairReasons(prep: Prepared, k: number, a: number): string[] {
  return renderReasons(pairFacts(prep, k, a), 'en');
}

const AGE_REASON_EN = "age difference within the round's limit";

/**
 * Reasons stored as English text before they were kept as data named the age gap ("3 years
 * apart"); a participant reads the neutral sentence instead.
 */
export const withoutAgeGap = (reasons: string[]): string[] =>
  reasons.map((r) => (/^(the same age|\d+ years? apart)$/.test(r) ? AGE_REASON_EN : r));

/** The reasons in Korean for a 'ko' reader, in English for everyone else. */
export function renderReasons(facts: PairFacts, locale: string): string[] {
  return locale === 'ko' ? korean(facts) : english(facts);
}

function english(f: PairFacts): string[] {
  const reasons: string[] = [];
  if (f.speak.length > 0) reasons.push(`both speak ${joinWords(f.speak.map(languageName))}`);
  if (f.some.length > 0) reasons.push(`both know some ${joinWords(f.some.map(languageName))}`);
  for (const code of f.practise) {
    reasons.push(`one of you wants to practise ${languageName(code)}, which the other speaks well`);
  }
  const interests = f.interests.map(interestLabel);
  if (interests.length > NAMED_INTERESTS) {
    const rest = interests.length - NAMED_INTERESTS;
    reasons.push(`both like ${interests.slice(0, NAMED_INTERESTS).join(', ')} and ${rest} more`);
  } else if (interests.length > 0) {
    reasons.push(`both like ${joinWords(interests)}`);
  }
  // Never the gap itself: with one's own age it would tell the other's (ageGap stays in the facts).
  reasons.push(AGE_REASON_EN);
  if (f.askedCountry !== null) {
    reasons.push(`one of you asked for a pen pal from ${COUNTRY_NAMES[f.askedCountry]}`);
  }
  if (f.askedKorea) reasons.push(`one of you asked for a pen pal from ${COUNTRY_NAMES.KR}`);
  return reasons;
}

function korean(f: PairFacts): string[] {
  const reasons: string[] = [];
  if (f.speak.length > 0) reasons.push(`함께 쓰는 언어: ${f.speak.map(languageNameKo).join(', ')}`);
  if (f.some.length > 0) {
    reasons.push(`둘 다 조금 아는 언어: ${f.some.map(languageNameKo).join(', ')}`);
  }
  for (const code of f.practise) {
    const name = languageNameKo(code);
    reasons.push(`한 사람은 ${name}${objectParticle(name)} 연습하고 싶고, 다른 사람은 잘해요`);
  }
  const interests = f.interests.map(interestLabelKo);
  if (interests.length > NAMED_INTERESTS) {
    const rest = interests.length - NAMED_INTERESTS;
    reasons.push(`공통 관심사: ${interests.slice(0, NAMED_INTERESTS).join(', ')} 외 ${rest}개`);
  } else if (interests.length > 0) {
    reasons.push(`공통 관심사: ${interests.join(', ')}`);
  }
  reasons.push('나이 차이가 이번 회차 기준 안이에요');
  if (f.askedCountry !== null) {
    reasons.push(`한 사람이 ${COUNTRY_NAMES_KO[f.askedCountry]} 펜팔을 원했어요`);
  }
  if (f.askedKorea) reasons.push(`한 사람이 ${COUNTRY_NAMES_KO.KR} 펜팔을 원했어요`);
  return reasons;
}

/** 을 after a closed Hangul syllable, 를 after an open one; 을(를) after anything else. */
function objectParticle(word: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  if (code < 0 || code > 11171) return '을(를)';
  return code % 28 === 0 ? '를' : '을';
}
