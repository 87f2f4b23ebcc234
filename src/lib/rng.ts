// A fast seedable random number generator: a seed string is hashed (cyrb128) into the 128-bit
// state of sfc32. Everything random in ClickCycle draws from one of these; nothing calls
// Math.random, so the same seed gives the same numbers in the browser and in Node.

/** Hashes a string into four 32-bit words (cyrb128), used as an sfc32 state. */
export function hashString(s: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** 2^-32: turns a uint32 into a uniform number in [0, 1). */
const INV_2_32 = 1 / 4294967296;

/** A seeded sfc32 generator with helpers for the distributions the simulator needs. */
export class Rng {
  /** The seed string this generator was made from (forks derive their seeds from it). */
  readonly seed: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** A second normal deviate left over from the last Box–Muller draw (NaN when none). */
  private spare = NaN;

  constructor(seed: string) {
    this.seed = seed;
    const [a, b, c, d] = hashString(seed);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  /** An independent generator for a named sub-stream ('log', 'test', 'ads', …). */
  fork(name: string): Rng {
    return new Rng(`${this.seed}/${name}`);
  }

  /** The next uniform unsigned 32-bit integer. */
  nextU32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Fills `out` with the next out.length uniform uint32s (a tight loop, for bulk generation). */
  fillU32(out: Uint32Array): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < out.length; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i] = t;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** A uniform number in [0, 1). */
  uniform(): number {
    return this.nextU32() * INV_2_32;
  }

  /** A uniform number in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** A uniform integer in 0…n−1. */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** A normal deviate with the given mean and standard deviation (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    let z = this.spare;
    if (Number.isNaN(z)) {
      let u = this.uniform();
      while (u === 0) u = this.uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      const th = 2 * Math.PI * this.uniform();
      z = r * Math.cos(th);
      this.spare = r * Math.sin(th);
    } else {
      this.spare = NaN;
    }
    return mean + sd * z;
  }

  /** An index drawn with probability proportional to weights[i] (weights ≥ 0, not all 0). */
  weighted(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] ?? 0;
    let u = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** An index drawn from a cumulative distribution (cdf ascending, last entry 1). */
  categorical(cdf: ArrayLike<number>): number {
    const u = this.uniform();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < (cdf[mid] ?? 1)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Shuffles an array in place (Fisher–Yates). */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }
}

/** A generator from a seed string. */
export function createRng(seed: string): Rng {
  return new Rng(seed);
}

/** The named stream `name` of a seed ("clickcycle" + "shuffle" → the generator of "clickcycle/shuffle"). */
export function streamFor(seed: string, name: string): Rng {
  return new Rng(`${seed}/${name}`);
}

/** 0, 1, …, n−1 as a Uint32Array (to shuffle into a permutation). */
export function range(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
