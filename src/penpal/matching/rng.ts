/**
 * Seeded randomness. The engine's only sources of arbitrariness (candidate sampling and the
 * order that decides among equally good solutions) draw from here, so a run is a pure function
 * of its input and seed.
 */

/** 32-bit FNV-1a over the seed's text, so numeric and string seeds both work. */
export function hashSeed(seed: number | string | undefined): number {
  const text = seed === undefined ? 'kenal' : String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for sampling and shuffling. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** integer in [0, 2^32) */
  nextUint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** integer in [0, bound), bound <= 2^32 */
  below(bound: number): number {
    return Math.floor((this.nextUint32() / 4294967296) * bound);
  }

  /** a derived generator, so that one phase's draws do not shift another's */
  fork(salt: number): Rng {
    return new Rng(Math.imul(this.nextUint32() ^ salt, 0x9e3779b1) >>> 0);
  }

  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
  }
}
