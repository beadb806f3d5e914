import fc from 'fast-check';
import { compareRuns, type RunPair } from './run-compare';

const pair = (a: string, b: string, countryB: string): RunPair => ({
  a,
  countryA: 'KR',
  b,
  countryB,
});

/** The definition, written the slow and obvious way. */
function reference(before: RunPair[], after: RunPair[]) {
  const same = (x: RunPair, y: RunPair) => x.a === y.a && x.b === y.b;
  const uniq = (list: RunPair[]) => list.filter((p, i) => list.findIndex((q) => same(p, q)) === i);
  const b = uniq(before);
  const a = uniq(after);
  const countries = [...new Set([...b, ...a].flatMap((p) => [p.countryA, p.countryB]))].sort();
  const has = (p: RunPair, c: string) => p.countryA === c || p.countryB === c;
  const people = (list: RunPair[], c: string) =>
    new Set(
      list.flatMap((p) => [...(p.countryA === c ? [p.a] : []), ...(p.countryB === c ? [p.b] : [])]),
    ).size;
  return {
    kept: b.filter((p) => a.some((q) => same(p, q))).length,
    lost: b.filter((p) => !a.some((q) => same(p, q))).length,
    gained: a.filter((p) => !b.some((q) => same(p, q))).length,
    byCountry: countries.map((c) => ({
      country: c,
      pairsBefore: b.filter((p) => has(p, c)).length,
      pairsAfter: a.filter((p) => has(p, c)).length,
      kept: b.filter((p) => has(p, c) && a.some((q) => same(p, q))).length,
      lost: b.filter((p) => has(p, c) && !a.some((q) => same(p, q))).length,
      gained: a.filter((p) => has(p, c) && !b.some((q) => same(p, q))).length,
      matchedBefore: people(b, c),
      matchedAfter: people(a, c),
    })),
  };
}

/** Each person has one country, as in a round. */
const COUNTRY: Record<string, string> = { s1: 'BN', s2: 'LA', s3: 'ID', s4: 'ID', s5: 'LA' };
const pairs = fc.array(
  fc
    .tuple(fc.constantFrom('k1', 'k2', 'k3', 'k4'), fc.constantFrom(...Object.keys(COUNTRY)))
    .map(([a, b]) => pair(a, b, COUNTRY[b])),
  { maxLength: 12 },
);

describe('compareRuns', () => {
  it('tells kept, lost and gained pairs, and coverage per country', () => {
    const before = [pair('k1', 's1', 'BN'), pair('k2', 's2', 'ID'), pair('k3', 's3', 'LA')];
    const after = [pair('k1', 's1', 'BN'), pair('k2', 's3', 'LA'), pair('k3', 's4', 'ID')];
    const c = compareRuns(before, after);
    expect({ kept: c.kept, lost: c.lost, gained: c.gained }).toEqual({
      kept: 1,
      lost: 2,
      gained: 2,
    });
    expect(c.byCountry.find((r) => r.country === 'BN')).toEqual({
      country: 'BN',
      pairsBefore: 1,
      pairsAfter: 1,
      kept: 1,
      lost: 0,
      gained: 0,
      matchedBefore: 1,
      matchedAfter: 1,
    });
    expect(c.byCountry.find((r) => r.country === 'KR')).toMatchObject({
      pairsBefore: 3,
      pairsAfter: 3,
      kept: 1,
      matchedBefore: 3,
      matchedAfter: 3,
    });
    expect(c.byCountry.map((r) => r.country)).toEqual(['BN', 'ID', 'KR', 'LA']);
  });

  it('compares nothing with nothing', () => {
    expect(compareRuns([], [])).toEqual({ kept: 0, lost: 0, gained: 0, byCountry: [] });
  });

  it('agrees with the definition on small runs', () => {
    fc.assert(
      fc.property(pairs, pairs, (before, after) => {
        expect(compareRuns(before, after)).toEqual(reference(before, after));
      }),
    );
  });

  it('adds up, and swapping the runs swaps lost and gained', () => {
    fc.assert(
      fc.property(pairs, pairs, (before, after) => {
        const c = compareRuns(before, after);
        const distinct = (l: RunPair[]) => new Set(l.map((p) => `${p.a}/${p.b}`)).size;
        expect(c.kept + c.lost).toBe(distinct(before));
        expect(c.kept + c.gained).toBe(distinct(after));
        const back = compareRuns(after, before);
        expect([back.kept, back.lost, back.gained]).toEqual([c.kept, c.gained, c.lost]);
        for (const r of c.byCountry) {
          expect(r.kept + r.lost).toBe(r.pairsBefore);
          expect(r.kept + r.gained).toBe(r.pairsAfter);
        }
      }),
    );
  });
});
