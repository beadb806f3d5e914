import { describe, expect, it } from 'vitest';
import { criteriaOf, keyFromLabel, move, normalisePath, rowOf, shares } from './rubric';
import { isoToWall, offsetAt, wallToIso } from './zoned';

describe('shares', () => {
  it('reads weights as percentages of their sum', () => {
    expect(shares([2, 1, 1])).toEqual([50, 25, 25]);
    expect(shares([1, 1, 1]).map((s) => Math.round(s! * 100) / 100)).toEqual([33.33, 33.33, 33.33]);
  });
  it('leaves out weights that are not positive numbers', () => {
    expect(shares([3, Number.NaN, 0, 1])).toEqual([75, null, null, 25]);
    expect(shares([Number.NaN])).toEqual([null]);
    expect(shares([])).toEqual([]);
  });
  it('always sums to 100 when any weight is valid (every list of 1–6 weights from 0..4)', () => {
    const weights = [0, 0.5, 1, 2, 4];
    const lists: number[][] = [[]];
    for (let n = 0; n < 4; n += 1) {
      for (const l of lists.splice(0)) for (const w of weights) lists.push([...l, w]);
      for (const l of lists) {
        const s = shares(l).filter((x): x is number => x !== null);
        if (s.length > 0) expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
      }
    }
  });
});

describe('move', () => {
  it('moves up, down and clamps at the ends', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });
  it('keeps every item exactly once for every from/to on a list of 4', () => {
    const list = ['a', 'b', 'c', 'd'];
    for (let from = -1; from <= 4; from += 1)
      for (let to = -2; to <= 5; to += 1) expect([...move(list, from, to)].sort()).toEqual(list);
  });
});

describe('rows', () => {
  it('round-trips a criterion and sends blank numbers as NaN for the API to name', () => {
    const c = { key: 'story', label: 'Story', description: 'Plot', min: 0, max: 10, weight: 2 };
    expect(criteriaOf([rowOf(c)])).toEqual([c]);
    const blank = { ...rowOf(c), weight: ' ', description: '  ' };
    const [out] = criteriaOf([blank]);
    expect(out.weight).toBeNaN();
    expect('description' in out).toBe(false);
  });
  it('makes keys the API accepts from labels', () => {
    expect(keyFromLabel('Story & craft')).toBe('story_craft');
    expect(keyFromLabel('2nd look')).toBe('nd_look');
    expect(keyFromLabel('스토리')).toBe('');
  });
  it('reads both forms of a rubric error path the same', () => {
    expect(normalisePath('rubric[2].max')).toBe('rubric.2.max');
    expect(normalisePath('rubric.2.max')).toBe('rubric.2.max');
  });
});

describe('zoned', () => {
  it('reads a wall time in the programme zone', () => {
    expect(wallToIso('2027-03-31T23:59', 'Asia/Jakarta')).toBe('2027-03-31T16:59:00.000Z');
    expect(wallToIso('2027-03-31T23:59', 'Asia/Seoul')).toBe('2027-03-31T14:59:00.000Z');
    expect(wallToIso('2027-07-01T09:00', 'Europe/London')).toBe('2027-07-01T08:00:00.000Z');
    expect(wallToIso('31/03/2027', 'Asia/Seoul')).toBeNull();
  });
  it('writes an instant as the zone reads it, the inverse of wallToIso', () => {
    expect(isoToWall('2027-03-31T16:59:00Z', 'Asia/Jakarta')).toBe('2027-03-31T23:59');
    for (const zone of ['Asia/Jakarta', 'Asia/Seoul', 'Asia/Yangon', 'UTC', 'Europe/London']) {
      for (let h = 0; h < 48; h += 5) {
        const iso = new Date(Date.UTC(2027, 0, 10, h, 30)).toISOString();
        expect(wallToIso(isoToWall(iso, zone), zone)).toBe(iso);
      }
    }
    expect(offsetAt(Date.UTC(2027, 0, 1), 'Asia/Yangon')).toBe(6.5 * 3600_000);
  });
});
