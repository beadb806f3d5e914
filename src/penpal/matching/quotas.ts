import type { Prepared } from './prepare';
import { ASEAN_COUNTRIES, type CountryShortfall } from './types';
import { COUNTRY_NAMES, KR_SLOT } from './vocabulary';

/** Pen-pal slots a side can offer: capacity of eligible people, plus pins of the others. */
function slotsPerCountry(prep: Prepared): Float64Array {
  const slots = new Float64Array(KR_SLOT + 1);
  for (const side of [prep.kr, prep.asean]) {
    for (let i = 0; i < side.count; i++) {
      slots[side.country[i]] += side.eligible[i]
        ? Math.max(side.capacity[i], side.pinned[i])
        : side.pinned[i];
    }
  }
  return slots;
}

/**
 * Countries below the minimum and why. The solver already maximised the pairs counted towards
 * the minimums, so a shortfall means no matching of the candidate graph does better; the
 * reason says which resource ran out first.
 */
export function countryShortfalls(
  prep: Prepared,
  pairsPerCountry: Int32Array,
  krPairs: Int32Array,
): CountryShortfall[] {
  const min = prep.minPerCountry;
  if (min === 0) return [];
  const slots = slotsPerCountry(prep);
  // The Korean side is to blame only if it ran out: no eligible Korean has a place left.
  let krRoomLeft = false;
  const { kr } = prep;
  for (let k = 0; k < kr.count && !krRoomLeft; k++) {
    krRoomLeft = kr.eligible[k] === 1 && krPairs[k] < kr.capacity[k];
  }
  const out: CountryShortfall[] = [];
  for (let c = 0; c < KR_SLOT; c++) {
    const achieved = pairsPerCountry[c];
    if (achieved >= min) continue;
    const country = ASEAN_COUNTRIES[c];
    const name = COUNTRY_NAMES[country];
    const base = { country, minimum: min, achieved, shortfall: min - achieved };
    if (slots[c] < min) {
      out.push({
        ...base,
        reason: 'too_few_participants',
        detail: `${name} has ${prep.enrolledPerCountry[c]} enrolled and ${slots[c]} pen-pal places among those eligible, fewer than ${min}`,
      });
    } else if (slots[KR_SLOT] < min * KR_SLOT && !krRoomLeft) {
      out.push({
        ...base,
        reason: 'too_few_korean_partners',
        detail: `Korean participants offer ${slots[KR_SLOT]} places, fewer than the ${min * KR_SLOT} the minimums need`,
      });
    } else {
      out.push({
        ...base,
        reason: 'too_few_compatible_partners',
        detail: `only ${achieved} pairs for ${name} meet the rules (ages, languages, gender preferences, exclusions) alongside the other countries' minimums`,
      });
    }
  }
  return out;
}
