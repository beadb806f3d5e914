import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('holds at most its capacity, forgetting the oldest entry first', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('c', 3);
    expect([...m.entries()]).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('replaces a value it holds without forgetting another', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('a', 3);
    expect(Object.fromEntries(m)).toEqual({ a: 3, b: 2 });
  });
});
