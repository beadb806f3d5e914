import { getHeapSpaceStatistics } from 'node:v8';
import { compactHeap } from './garbage-collection';

const MB = 1024 * 1024;

/** Old-generation pages held (physical) beyond what their objects use: the holes. */
function oldSpaceHoles(): number {
  const old = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
  if (!old) throw new Error('no old_space in V8 heap statistics');
  return old.physical_space_size - old.space_used_size;
}

describe('compactHeap', () => {
  it('gives back the pages that objects dead in the old generation left half empty', () => {
    // Small arrays that live long enough to be promoted, then every other one dies: pages half
    // full, which V8's own compaction (of pages mostly empty) leaves as they are.
    const kept: (number[] | null)[] = [];
    for (let i = 0; i < 300_000; i += 1) kept.push(new Array<number>(16).fill(i));
    for (let i = 0; i < kept.length; i += 2) kept[i] = null;
    compactHeap();
    expect(oldSpaceHoles()).toBeLessThan(4 * MB);
    // What lives survived the move.
    expect(kept[kept.length - 1]?.[0]).toBe(kept.length - 1);
  });
});
