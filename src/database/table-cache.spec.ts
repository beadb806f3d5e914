import { TableCache } from './table-cache';

describe('TableCache', () => {
  const on = () => {
    const cache = new TableCache<string>('t', ['users'], 2);
    cache.listening(true);
    return cache;
  };

  it('serves an answer from when it was made until its time runs out', () => {
    const cache = on();
    cache.put('k', cache.ticket(), 'v', 1_000, 2_000);
    expect(cache.get('k', 999)).toBeUndefined();
    const again = on();
    again.put('k', again.ticket(), 'v', 1_000, 2_000);
    expect(again.get('k', 1_000)).toBe('v');
    expect(again.get('k', 1_999)).toBe('v');
    expect(again.get('k', 2_000)).toBeUndefined();
    expect(again.size).toBe(0);
  });

  it('keeps no answer read before a change it heard, nor one already out of time', () => {
    const cache = on();
    const ticket = cache.ticket();
    cache.dropAll();
    cache.put('k', ticket, 'v', 0);
    expect(cache.get('k', 0)).toBeUndefined();
    cache.put('k', cache.ticket(), 'v', 5, 5);
    expect(cache.size).toBe(0);
  });

  it('drops everything at a change, and holds nothing while not listening', () => {
    const cache = on();
    cache.put('a', cache.ticket(), 'x', 0);
    cache.dropAll();
    expect(cache.get('a', 0)).toBeUndefined();
    cache.listening(false);
    expect(cache.ticket()).toBe(-1);
    cache.put('a', cache.ticket(), 'x', 0);
    expect(cache.get('a', 0)).toBeUndefined();
    const ticket = cache.ticket();
    cache.listening(true);
    cache.put('a', ticket, 'x', 0);
    expect(cache.size).toBe(0);
  });

  it('serves and keeps nothing while a fence is under way, nor an answer read before it', () => {
    const cache = on();
    cache.put('a', cache.ticket(), 'A', 0);
    const before = cache.ticket();
    cache.hold();
    cache.hold();
    expect(cache.get('a', 0)).toBeUndefined();
    cache.put('b', cache.ticket(), 'B', 0);
    cache.release();
    expect(cache.get('a', 0)).toBeUndefined();
    cache.release();
    // Whatever the commits changed was dropped as they were heard; the rest holds.
    expect(cache.get('a', 0)).toBe('A');
    expect(cache.get('b', 0)).toBeUndefined();
    cache.put('c', before, 'C', 0);
    expect(cache.get('c', 0)).toBeUndefined();
  });

  it('drops only the answers of the callers a change names, for the tables it reads by caller', () => {
    const cache = new TableCache<{ user: string }>('t', ['users', 'auth_sessions', 'profiles'], 9, {
      tables: ['auth_sessions'],
      callerOf: (_, v) => v.user,
    });
    cache.listening(true);
    const fill = () => {
      for (const [key, user] of [
        ['s1', 'a'],
        ['s2', 'a'],
        ['s3', 'b'],
        ['s4', 'c'],
      ])
        cache.put(key, cache.ticket(), { user }, 0);
    };
    const kept = () => ['s1', 's2', 's3', 's4'].filter((k) => cache.get(k, 0) !== undefined);
    fill();
    const ticket = cache.ticket();
    cache.changed('auth_sessions', new Set(['a', 'c']));
    expect(kept()).toEqual(['s3']);
    // An answer read before the change is not kept, whoever it named.
    cache.put('s5', ticket, { user: 'b' }, 0);
    expect(cache.get('s5', 0)).toBeUndefined();
    // Tables not read by caller, or a change that named nobody, drop everything.
    for (const [table, callers] of [
      ['users', new Set(['a'])],
      ['profiles', new Set(['a'])],
      ['auth_sessions', undefined],
    ] as const) {
      fill();
      cache.changed(table, callers);
      expect({ table, kept: kept() }).toEqual({ table, kept: [] });
    }
  });

  it('refuses to read by caller a table it does not name', () => {
    expect(
      () => new TableCache('t', ['users'], 1, { tables: ['auth_sessions'], callerOf: (k) => k }),
    ).toThrow('auth_sessions');
  });

  it('forgets the least used first past its bound', () => {
    const cache = on();
    cache.put('a', cache.ticket(), 'A', 0);
    cache.put('b', cache.ticket(), 'B', 0);
    expect(cache.get('a', 0)).toBe('A');
    cache.put('c', cache.ticket(), 'C', 0);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe('A');
    expect(cache.get('c', 0)).toBe('C');
  });
});
