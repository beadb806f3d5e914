import type { Prepared } from './prepare';
import {
  COUNTRY_NAMES,
  interestLabel,
  joinWords,
  KR_SLOT,
  languageName,
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
 * Sentences a participant can read about why this pen pal was proposed. They name only what
 * the two share and what either asked for, never another person's private details.
 */
export function pairReasons(prep: Prepared, k: number, a: number): string[] {
  const { kr, asean } = prep;
  const LW = prep.langWords;
  const IW = prep.interestWords;
  const reasons: string[] = [];

  // A language one of them only knows a little of is not "spoken" by both.
  const L = prep.languages.length;
  const spoken: string[] = [];
  const some: string[] = [];
  for (const i of intersect(kr.langWords, k * LW, asean.langWords, a * LW, LW)) {
    const level = Math.min(kr.langLevel[k * L + i], asean.langLevel[a * L + i]);
    (level >= 2 ? spoken : some).push(languageName(prep.languages[i]));
  }
  if (spoken.length > 0) reasons.push(`both speak ${joinWords(spoken)}`);
  if (some.length > 0) reasons.push(`both know some ${joinWords(some)}`);

  // Either direction, each language once, in index order.
  const practised: number[] = [];
  for (let w = 0; w < LW; w++) {
    const kp = kr.practiseWords[k * LW + w] & asean.fluentWords[a * LW + w];
    const ap = asean.practiseWords[a * LW + w] & kr.fluentWords[k * LW + w];
    pushBits(practised, w, kp | ap);
  }
  for (const i of practised) {
    reasons.push(
      `one of you wants to practise ${languageName(prep.languages[i])}, which the other speaks well`,
    );
  }

  const interests = intersect(kr.interestWords, k * IW, asean.interestWords, a * IW, IW).map((i) =>
    interestLabel(prep.interests[i]),
  );
  if (interests.length > NAMED_INTERESTS) {
    const rest = interests.length - NAMED_INTERESTS;
    reasons.push(`both like ${interests.slice(0, NAMED_INTERESTS).join(', ')} and ${rest} more`);
  } else if (interests.length > 0) {
    reasons.push(`both like ${joinWords(interests)}`);
  }

  const gap = Math.abs(kr.age[k] - asean.age[a]);
  reasons.push(gap === 0 ? 'the same age' : gap === 1 ? '1 year apart' : `${gap} years apart`);

  if ((kr.prefCountries[k] >>> asean.country[a]) & 1) {
    reasons.push(
      `one of you asked for a pen pal from ${COUNTRY_NAMES[slotCountry(asean.country[a])]}`,
    );
  }
  if ((asean.prefCountries[a] >>> KR_SLOT) & 1) {
    reasons.push(`one of you asked for a pen pal from ${COUNTRY_NAMES.KR}`);
  }
  return reasons;
}
