/**
 * The one seeded PRNG of the core (mulberry32): the same seed gives the same sequence on every
 * platform, which is what makes simulations, generated flows and retry jitter in tests
 * reproducible bit for bit.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  /** One of the items, by weight (equal weights when none). */
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
}

export function createPrng(seed: number): Prng {
  return new Mulberry32(seed);
}

/**
 * The PRNG as a plain function, for code that takes a `random: () => number` (like
 * `Math.random`): generated flows, audiences, visit streams, retry jitter.
 *
 * @example const random = seededRandom(7); random() // same value on every run
 */
export function seededRandom(seed: number): () => number {
  const p = new Mulberry32(seed);
  return () => p.next();
}

/** A class rather than closures: population runs create one per user. */
class Mulberry32 implements Prng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    if (!weights) return items[Math.floor(this.next() * items.length)]!;
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i]!;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
}

/** Mixes a run seed and a user index into an independent seed (so users can run in any order). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
