import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { normalQuantile, normalTail } from '../sim/normal.ts';
import { pairedBootstrap, sortedQuantile, sumByUnit } from './bootstrap.ts';

/** The textbook paired bootstrap written out plainly: resample units with rng.int, sum, sort (Efron & Tibshirani 1993, alg. 6.1). */
function naiveTotals(a: number[], b: number[], seed: string, B: number): number[] {
  const rng = new Rng(seed);
  const out: number[] = [];
  for (let r = 0; r < B; r++) {
    let s = 0;
    for (let k = 0; k < a.length; k++) {
      const i = rng.int(a.length);
      s += (b[i] as number) - (a[i] as number);
    }
    out.push(s);
  }
  return out.sort((x, y) => x - y);
}

/** Quantile of sorted values as numpy.quantile's default (linear): position q·(n − 1). */
function numpyQuantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const j = Math.min(sorted.length - 1, i + 1);
  return (sorted[i] as number) * (1 - (pos - i)) + (sorted[j] as number) * (pos - i);
}

/** n values drawn from an RNG by `draw`. */
function sample(n: number, rng: Rng, draw: (rng: Rng) => number): number[] {
  return Array.from({ length: n }, () => draw(rng));
}

describe('sortedQuantile', () => {
  it('interpolates between order statistics as R type 7 / numpy linear', () => {
    // numpy.quantile([1, 2, 4, 8], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 3, 6.8, 8].
    const s = [1, 2, 4, 8];
    expect([0, 0.25, 0.5, 0.9, 1].map((q) => sortedQuantile(s, q))).toEqual([1, 1.75, 3, 6.8, 8].map((v, i) => (i === 3 ? expect.closeTo(v, 12) : v)));
  });
});

describe('pairedBootstrap', () => {
  it('is the textbook resampling, replayed draw for draw (small n and n across the draw blocks)', () => {
    for (const [n, B] of [
      [37, 500],
      [10_000, 12],
    ] as const) {
      const rng = new Rng(`data-${n}`);
      const a = sample(n, rng, (r) => r.range(0, 10));
      const b = sample(n, rng, (r) => r.range(0, 12));
      const res = pairedBootstrap(a, b, new Rng('boot'), B);
      const totals = naiveTotals(a, b, 'boot', B);
      expect(res.n).toBe(n);
      expect(res.total).toBeCloseTo(b.reduce((s, v) => s + v, 0) - a.reduce((s, v) => s + v, 0), 6);
      expect(res.percentile[0]).toBeCloseTo(numpyQuantile(totals, 0.025), 6);
      expect(res.percentile[1]).toBeCloseTo(numpyQuantile(totals, 0.975), 6);
      expect(res.basic[0]).toBeCloseTo(2 * res.total - numpyQuantile(totals, 0.975), 6);
      expect(res.basic[1]).toBeCloseTo(2 * res.total - numpyQuantile(totals, 0.025), 6);
      const m = totals.reduce((s, v) => s + v, 0) / B;
      expect(res.se).toBeCloseTo(Math.sqrt(totals.reduce((s, v) => s + (v - m) ** 2, 0) / (B - 1)), 6);
    }
  });

  it('gives a zero-width interval when every user’s difference is the same', () => {
    // Every resample of 50 differences of exactly 3 sums to 150.
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = a.map((v) => v + 3);
    const res = pairedBootstrap(a, b, new Rng('flat'), 300);
    expect(res.total).toBe(150);
    expect(res.se).toBe(0);
    for (const ci of [res.percentile, res.basic, res.bca]) expect(ci).toEqual([150, 150]);
  });

  it('finds the exact bootstrap distribution’s interval on tiny data sets', () => {
    // d = (0, 1): a resampled total is 0, 1 or 2 with probabilities 1/4, 1/2, 1/4, so the 2.5% and
    // 97.5% quantiles are 0 and 2. d = (1, 2, 3): the sum is 3 with probability 1/27 = 3.7% > 2.5%
    // and 9 likewise, so the percentile interval is [3, 9] and the basic one 2·6 − [9, 3] = [3, 9].
    const two = pairedBootstrap([5, 5], [5, 6], new Rng('tiny-2'), 4000);
    expect(two.total).toBe(1);
    expect(two.percentile).toEqual([0, 2]);
    const three = pairedBootstrap([0, 0, 0], [1, 2, 3], new Rng('tiny-3'), 4000);
    expect(three.total).toBe(6);
    expect(three.percentile).toEqual([3, 9]);
    expect(three.basic).toEqual([3, 9]);
    // Exact bootstrap variance of the sum of 3 draws from {1, 2, 3}: 3·(2/3) = 2, so se ≈ √2 = 1.414.
    expect(three.se).toBeCloseTo(Math.SQRT2, 1);
  });

  it('computes BCa with the jackknife acceleration and the bias correction of Efron & Tibshirani §14.3', () => {
    // Skewed revenue differences (exponential, as revenue per user is); the reference below is the
    // book's recipe written out: leave-one-out totals for â, Φ⁻¹(#{θ* < θ̂}/B) for z₀.
    const rng = new Rng('skewed');
    const n = 60;
    const a = sample(n, rng, (r) => -Math.log(1 - r.uniform()));
    const b = sample(n, rng, (r) => -2 * Math.log(1 - r.uniform()));
    const B = 2000;
    const res = pairedBootstrap(a, b, new Rng('bca'), B);
    const totals = naiveTotals(a, b, 'bca', B);
    const d = a.map((v, i) => (b[i] as number) - v);
    const loo = d.map((_, i) => d.reduce((s, v, j) => (j === i ? s : s + v), 0) / (n - 1));
    const looMean = loo.reduce((s, v) => s + v, 0) / n;
    const num = loo.reduce((s, v) => s + (looMean - v) ** 3, 0);
    const den = 6 * Math.pow(loo.reduce((s, v) => s + (looMean - v) ** 2, 0), 1.5);
    const acc = num / den;
    const below = totals.filter((t) => t < res.total).length + 0.5 * totals.filter((t) => t === res.total).length;
    const z0 = normalQuantile(below / B);
    const q = (z: number) => 1 - normalTail(z0 + (z0 + z) / (1 - acc * (z0 + z)));
    expect(acc).toBeGreaterThan(0.01);
    expect(res.bca[0]).toBeCloseTo(numpyQuantile(totals, q(normalQuantile(0.025))), 6);
    expect(res.bca[1]).toBeCloseTo(numpyQuantile(totals, q(normalQuantile(0.975))), 6);
    // Right skew moves BCa to the right of the percentile interval.
    expect(res.bca[1]).toBeGreaterThan(res.percentile[1]);
  });

  it('covers a known mean difference about 95% of the time over many simulated experiments', () => {
    // 1,000 paired experiments of 100 users; A ~ N(10, 2²), B = A + N(0.5, 1): the true mean difference
    // is 0.5 per user. A 95% interval should cover 0.5 in about 950 of them (binomial sd 6.9); the
    // percentile interval of a mean undercovers slightly at n = 100 (about 94%).
    const rng = new Rng('coverage');
    let pct = 0;
    let bca = 0;
    const experiments = 1000;
    for (let e = 0; e < experiments; e++) {
      const a = sample(100, rng, (r) => r.normal(10, 2));
      const b = a.map((v) => v + rng.normal(0.5, 1));
      const res = pairedBootstrap(a, b, rng, 400);
      if (res.percentile[0] <= 50 && 50 <= res.percentile[1]) pct++;
      if (res.bca[0] <= 50 && 50 <= res.bca[1]) bca++;
    }
    expect(pct / experiments).toBeGreaterThan(0.925);
    expect(pct / experiments).toBeLessThan(0.97);
    expect(bca / experiments).toBeGreaterThan(0.925);
    expect(bca / experiments).toBeLessThan(0.97);
  });

  it('refuses unpaired arms and empty data', () => {
    expect(() => pairedBootstrap([1, 2], [1], new Rng('x'))).toThrow(RangeError);
    expect(() => pairedBootstrap([], [], new Rng('x'))).toThrow(RangeError);
    expect(() => pairedBootstrap([1], [Number.NaN], new Rng('x'))).toThrow(RangeError);
  });
});

describe('sumByUnit', () => {
  it('adds each row’s value to its unit', () => {
    expect(Array.from(sumByUnit([0, 2, 0, 1], [1.5, 2, 0.5, 4], 4))).toEqual([2, 4, 2, 0]);
    expect(() => sumByUnit([5], [1], 4)).toThrow(RangeError);
  });
});
