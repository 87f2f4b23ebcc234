// The paired bootstrap of a difference between two policies served on the same users: each user's
// (or cluster's) revenue under arm A and under arm B is one pair; resampling users with replacement
// and summing B − A gives the sampling distribution of the total difference (Efron & Tibshirani,
// An Introduction to the Bootstrap, 1993: ch. 13 percentile, ch. 14 BCa, basic interval as in
// Davison & Hinkley 1997 §5.2). Users are the resampled unit because ads blindness ties a user's
// impressions together; resampling single impressions would understate the noise (Bakshy & Eckles,
// "Uncertainty in Online Experiments with Dependent Data", KDD 2013).
import type { Rng } from '../rng.ts';
import { normalQuantile, normalTail } from '../sim/normal.ts';

/** Default number of bootstrap resamples (Efron & Tibshirani suggest ≥ 1,000 for percentile intervals). */
export const DEFAULT_RESAMPLES = 2000;

/** An interval [low, high] of the total difference. */
export type Interval = [number, number];

/** The paired bootstrap's answer for the total difference Σ(B − A). */
export interface PairedBootstrap {
  /** Number of paired units (users or clusters). */
  n: number;
  /** Number of bootstrap resamples drawn. */
  resamples: number;
  /** Confidence level of the intervals (0.95 by default). */
  level: number;
  /** Observed total difference Σᵢ (bᵢ − aᵢ). */
  total: number;
  /** Observed mean difference per unit. */
  mean: number;
  /** Bootstrap standard error of the total (standard deviation of the resampled totals). */
  se: number;
  /** Percentile interval: the α/2 and 1 − α/2 quantiles of the resampled totals. */
  percentile: Interval;
  /** Basic (reverse percentile) interval: 2·total minus the percentile interval's ends. */
  basic: Interval;
  /** Bias-corrected and accelerated interval (BCa; acceleration from the jackknife). */
  bca: Interval;
}

/** The q-quantile of ascending sorted values, interpolating linearly between order statistics (R type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Standard normal CDF Φ(x). */
function normalCdf(x: number): number {
  return 1 - normalTail(x);
}

/** Sums `value` per unit: out[unit[i]] += value[i] (per-user revenue from per-impression rows). */
export function sumByUnit(unit: ArrayLike<number>, value: ArrayLike<number>, units: number): Float64Array {
  if (unit.length !== value.length) throw new RangeError('unit and value must have the same length');
  const out = new Float64Array(units);
  for (let i = 0; i < unit.length; i++) {
    const u = unit[i] as number;
    if (!Number.isInteger(u) || u < 0 || u >= units) throw new RangeError(`unit ${u} is outside 0…${units - 1}`);
    out[u] = (out[u] as number) + (value[i] as number);
  }
  return out;
}

/**
 * Paired bootstrap of Σ(b − a) over units, where a[i] and b[i] are unit i's revenue under arms A and B.
 * Resample r draws n unit indices as floor(n·u) from the next n uniforms of `rng` (so a caller can
 * replay it), and its total is the sum of the drawn units' differences.
 */
export function pairedBootstrap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rng: Rng,
  resamples = DEFAULT_RESAMPLES,
  level = 0.95,
): PairedBootstrap {
  const n = a.length;
  if (b.length !== n) throw new RangeError('both arms need one value per unit (paired)');
  if (n === 0) throw new RangeError('no units to resample');
  if (!(level > 0 && level < 1)) throw new RangeError(`level ${level} is not in (0, 1)`);
  const B = Math.max(1, Math.floor(resamples));
  const d = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = (b[i] as number) - (a[i] as number);
    if (!Number.isFinite(v)) throw new RangeError(`unit ${i} has a non-finite difference`);
    d[i] = v;
    total += v;
  }
  const mean = total / n;

  // Resampled totals, drawing the uniforms in blocks (the same sequence as rng.int(n), one per draw).
  const totals = new Float64Array(B);
  const block = new Uint32Array(Math.min(n, 8192));
  const inv32 = 1 / 4294967296;
  for (let r = 0; r < B; r++) {
    let s = 0;
    for (let done = 0; done < n; done += block.length) {
      const m = Math.min(block.length, n - done);
      const words = m === block.length ? block : block.subarray(0, m);
      rng.fillU32(words);
      for (let k = 0; k < m; k++) s += d[((words[k] as number) * inv32 * n) | 0] as number;
    }
    totals[r] = s;
  }
  let sum = 0;
  for (let r = 0; r < B; r++) sum += totals[r] as number;
  const bootMean = sum / B;
  let ss = 0;
  for (let r = 0; r < B; r++) ss += ((totals[r] as number) - bootMean) ** 2;
  const se = B > 1 ? Math.sqrt(ss / (B - 1)) : 0;
  const sorted = totals.slice().sort();
  const alpha = 1 - level;
  const lo = sortedQuantile(sorted, alpha / 2);
  const hi = sortedQuantile(sorted, 1 - alpha / 2);
  return {
    n,
    resamples: B,
    level,
    total,
    mean,
    se,
    percentile: [lo, hi],
    basic: [2 * total - hi, 2 * total - lo],
    bca: bcaInterval(sorted, total, d, mean, alpha),
  };
}

/**
 * BCa interval (Efron & Tibshirani 1993, §14.3): bias correction z₀ = Φ⁻¹(share of resampled totals
 * below the observed one, ties counted half) and acceleration â = Σ(dᵢ − d̄)³ / (6·(Σ(dᵢ − d̄)²)^1.5),
 * the jackknife acceleration of a mean (the total is n times the mean, and BCa respects the scale).
 */
function bcaInterval(sorted: Float64Array, total: number, d: Float64Array, mean: number, alpha: number): Interval {
  const B = sorted.length;
  const first = sorted[0] as number;
  const last = sorted[B - 1] as number;
  if (first === last) return [first, last];
  let below = 0;
  for (let r = 0; r < B; r++) {
    const t = sorted[r] as number;
    if (t < total) below += 1;
    else if (t === total) below += 0.5;
  }
  const share = Math.min(1 - 0.5 / B, Math.max(0.5 / B, below / B));
  const z0 = normalQuantile(share);
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < d.length; i++) {
    const e = (d[i] as number) - mean;
    s2 += e * e;
    s3 += e * e * e;
  }
  const acc = s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0;
  const adjust = (z: number) => normalCdf(z0 + (z0 + z) / (1 - acc * (z0 + z)));
  return [sortedQuantile(sorted, adjust(normalQuantile(alpha / 2))), sortedQuantile(sorted, adjust(normalQuantile(1 - alpha / 2)))];
}
