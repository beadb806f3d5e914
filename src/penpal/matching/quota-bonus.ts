import type { Prepared } from './prepare';
import { KR_SLOT } from './vocabulary';

/*
 * The quota level without country nodes. A pair weighs Q more when its ASEAN country is in the
 * "bonus" set B. That weight counts the pairs towards the minimums exactly when every country
 * in B ends at or below its remaining minimum and every other at or above it: then
 * f(X) = g(X) + Q * (sum of the other countries' minimums), while f(Y) <= g(Y) + the same
 * constant for every Y, so a lexicographic maximum of g (bonus pairs, people, score) is one of f
 * (quota pairs, people, score). B starts as the countries that cannot pass their minimum and is
 * corrected from each result until it settles.
 */

/** Pairs each ASEAN country still needs to reach the minimum after its pins. */
export function quotaNeeds(prep: Prepared): Int32Array {
  const needed = new Int32Array(KR_SLOT);
  for (let c = 0; c < KR_SLOT; c++) {
    needed[c] = Math.max(0, prep.minPerCountry - prep.pinnedPerCountry[c]);
  }
  return needed;
}

/** First guess of B: the countries that cannot exceed their minimum even with everyone matched. */
export function firstBonus(prep: Prepared, needed: Int32Array): Uint8Array {
  const { asean } = prep;
  const capacity = new Float64Array(KR_SLOT);
  for (let a = 0; a < asean.count; a++) capacity[asean.country[a]] += asean.remaining[a];
  const bonus = new Uint8Array(KR_SLOT);
  for (let c = 0; c < KR_SLOT; c++) bonus[c] = needed[c] > 0 && capacity[c] <= needed[c] ? 1 : 0;
  return bonus;
}

/**
 * Corrects B from a result's new pairs per country: a country short of its minimum joins, one
 * above it leaves. True when nothing changed, i.e. the result's weights counted quota pairs.
 */
export function settleBonus(bonus: Uint8Array, pairs: Int32Array, needed: Int32Array): boolean {
  let settled = true;
  for (let c = 0; c < KR_SLOT; c++) {
    if (bonus[c] && pairs[c] > needed[c]) {
      bonus[c] = 0;
      settled = false;
    } else if (!bonus[c] && pairs[c] < needed[c]) {
      bonus[c] = 1;
      settled = false;
    }
  }
  return settled;
}

/**
 * Cost of new pairs in the min-cost-flow network of build-network.ts (with its big-M weights),
 * so that every solver reports the value an independent solver finds on the exported network.
 */
export function networkCost(
  prep: Prepared,
  pairs: { kr: Int32Array; asean: Int32Array; score: Uint8Array },
  personWeight: number,
  quotaWeight: number,
): number {
  const { kr, asean } = prep;
  const needed = quotaNeeds(prep);
  const perCountry = new Int32Array(KR_SLOT);
  const krSeen = new Uint8Array(kr.count);
  const aseanSeen = new Uint8Array(asean.count);
  let cost = 0;
  for (let i = 0; i < pairs.kr.length; i++) {
    const k = pairs.kr[i];
    const a = pairs.asean[i];
    perCountry[asean.country[a]]++;
    cost -= pairs.score[i];
    if (kr.pinned[k] === 0 && krSeen[k] === 0) cost -= personWeight;
    if (asean.pinned[a] === 0 && aseanSeen[a] === 0) cost -= personWeight;
    krSeen[k] = 1;
    aseanSeen[a] = 1;
  }
  for (let c = 0; c < KR_SLOT; c++) cost -= quotaWeight * Math.min(perCountry[c], needed[c]);
  return cost;
}
