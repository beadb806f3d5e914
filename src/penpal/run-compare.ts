/**
 * Two matching runs of one round side by side: which pairs the later run kept, lost and gained,
 * and per country how many pairs and matched people each run had. Plain data in, plain data out.
 */

export interface RunPair {
  /** The Korean participant and their country (KR). */
  a: string;
  countryA: string;
  /** The ASEAN participant and their country. */
  b: string;
  countryB: string;
}

export interface CountryComparison {
  country: string;
  pairsBefore: number;
  pairsAfter: number;
  kept: number;
  lost: number;
  gained: number;
  /** People of this country with at least one pair, in each run. */
  matchedBefore: number;
  matchedAfter: number;
}

export interface RunComparison {
  kept: number;
  lost: number;
  gained: number;
  /** One row per country with a pair in either run, by country code. */
  byCountry: CountryComparison[];
}

const key = (p: RunPair) => `${p.a}\u0000${p.b}`;

/** `before` and `after` each hold a run's pairs; a pair is the same when its two people are. */
export function compareRuns(before: RunPair[], after: RunPair[]): RunComparison {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const rows = new Map<string, CountryComparison>();
  const people = new Map<string, { before: Set<string>; after: Set<string> }>();
  const row = (country: string) => {
    let r = rows.get(country);
    if (!r) {
      r = {
        country,
        pairsBefore: 0,
        pairsAfter: 0,
        kept: 0,
        lost: 0,
        gained: 0,
        matchedBefore: 0,
        matchedAfter: 0,
      };
      rows.set(country, r);
      people.set(country, { before: new Set(), after: new Set() });
    }
    return r;
  };
  // A pair counts once for each of its two countries (KR counts every pair, as in the run stats).
  const countries = (p: RunPair) =>
    p.countryA === p.countryB ? [p.countryA] : [p.countryA, p.countryB];
  let kept = 0;
  let lost = 0;
  let gained = 0;
  for (const p of new Map(before.map((x) => [key(x), x])).values()) {
    const stays = afterKeys.has(key(p));
    if (stays) kept += 1;
    else lost += 1;
    for (const c of countries(p)) {
      const r = row(c);
      r.pairsBefore += 1;
      if (stays) r.kept += 1;
      else r.lost += 1;
    }
    row(p.countryA);
    people.get(p.countryA)!.before.add(p.a);
    row(p.countryB);
    people.get(p.countryB)!.before.add(p.b);
  }
  for (const p of new Map(after.map((x) => [key(x), x])).values()) {
    const isNew = !beforeKeys.has(key(p));
    if (isNew) gained += 1;
    for (const c of countries(p)) {
      const r = row(c);
      r.pairsAfter += 1;
      if (isNew) r.gained += 1;
    }
    row(p.countryA);
    people.get(p.countryA)!.after.add(p.a);
    row(p.countryB);
    people.get(p.countryB)!.after.add(p.b);
  }
  for (const [country, seen] of people) {
    const r = rows.get(country)!;
    r.matchedBefore = seen.before.size;
    r.matchedAfter = seen.after.size;
  }
  const byCountry = [...rows.values()].sort((x, y) => (x.country < y.country ? -1 : 1));
  return { kept, lost, gained, byCountry };
}
