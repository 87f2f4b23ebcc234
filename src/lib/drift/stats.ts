// The drift statistics: PSI, Jensen–Shannon distance, Wasserstein-1 normed by the reference
// standard deviation, two-sample Kolmogorov–Smirnov and chi-square tests with p-values. Every one
// takes example weights; the tests use Kish's effective sizes as their sample sizes.
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { EMPTY_BIN, fillEmpty } from './bins.ts';
import { effectiveSize, meanStd, totalWeight, weightAt, type Weighted } from './sample.ts';

/** Smallest reference std Wasserstein is normed by (Evidently's 0.001). */
export const MIN_NORM_STD = 0.001;

/** Population stability index Σ (c − r)·ln(c / r) over bins, empty bins at EMPTY_BIN. */
export function psi(reference: number[], current: number[]): number {
  const r = fillEmpty(reference);
  const c = fillEmpty(current);
  let s = 0;
  for (let j = 0; j < r.length; j++) s += (c[j]! - r[j]!) * Math.log(c[j]! / r[j]!);
  return s;
}

/** Jensen–Shannon distance (natural log; the square root of the divergence), as scipy's jensenshannon. */
export function jsDistance(reference: number[], current: number[]): number {
  const r = fillEmpty(reference);
  const c = fillEmpty(current);
  const sr = r.reduce((a, b) => a + b, 0);
  const sc = c.reduce((a, b) => a + b, 0);
  let d = 0;
  for (let j = 0; j < r.length; j++) {
    const p = r[j]! / sr;
    const q = c[j]! / sc;
    const m = (p + q) / 2;
    d += p * Math.log(p / m) + q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, d / 2));
}

/** Sorted samples already computed (KS and Wasserstein on the same sample sort it once). */
const sortedCache = new WeakMap<Weighted, { v: Float64Array; w: Float64Array }>();

/** Rows of a sample sorted by value, with weights normalised to sum 1 (cached per sample object). */
function sortedShares(s: Weighted): { v: Float64Array; w: Float64Array } {
  const hit = sortedCache.get(s);
  if (hit) return hit;
  const out = sortShares(s);
  sortedCache.set(s, out);
  return out;
}

/** Sorts a sample by value, carrying its weights. */
function sortShares(s: Weighted): { v: Float64Array; w: Float64Array } {
  const n = s.values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const vals = Float64Array.from(s.values as ArrayLike<number>);
  idx.sort((a, b) => vals[a]! - vals[b]!);
  const t = totalWeight(s);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    v[k] = vals[idx[k]!]!;
    w[k] = weightAt(s, idx[k]!) / t;
  }
  return { v, w };
}

/** Walks both weighted ECDFs in value order, calling `step(x, nextX, Fa, Fb)` between distinct values. */
function walkEcdfs(a: Weighted, b: Weighted, step: (x: number, next: number, fa: number, fb: number) => void): void {
  const A = sortedShares(a);
  const B = sortedShares(b);
  let i = 0;
  let j = 0;
  let fa = 0;
  let fb = 0;
  while (i < A.v.length || j < B.v.length) {
    const x = Math.min(i < A.v.length ? A.v[i]! : Infinity, j < B.v.length ? B.v[j]! : Infinity);
    while (i < A.v.length && A.v[i] === x) fa += A.w[i++]!;
    while (j < B.v.length && B.v[j] === x) fb += B.w[j++]!;
    const next = Math.min(i < A.v.length ? A.v[i]! : Infinity, j < B.v.length ? B.v[j]! : Infinity);
    step(x, next, fa, fb);
  }
}

/** Wasserstein-1 distance ∫|F_ref − F_cur| dx of two weighted samples (scipy's wasserstein_distance). */
export function wasserstein(reference: Weighted, current: Weighted): number {
  let d = 0;
  walkEcdfs(reference, current, (x, next, fa, fb) => {
    if (Number.isFinite(next)) d += Math.abs(fa - fb) * (next - x);
  });
  return d;
}

/** Wasserstein-1 divided by the reference's standard deviation (at least MIN_NORM_STD), as Evidently does. */
export function wassersteinNormed(reference: Weighted, current: Weighted): number {
  return wasserstein(reference, current) / Math.max(meanStd(reference).std, MIN_NORM_STD);
}

/**
 * Survival function of the Kolmogorov distribution, Q(z) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²z²}
 * (Kolmogorov 1933; the series and its small-z form are from Marsaglia, Tsang & Wang,
 * "Evaluating Kolmogorov's distribution", J. Stat. Software 8(18), 2003, and scipy's kstwobign.sf).
 * For z < 1.18 the alternating series converges slowly, so the theta-function form of the CDF,
 * P(z) = √(2π)/z Σ_{k≥1} e^{−(2k−1)²π²/(8z²)}, is used instead.
 */
export function kolmogorovSf(z: number): number {
  if (!(z > 0)) return 1;
  if (z < 1.18) {
    const t = Math.exp((-Math.PI * Math.PI) / (8 * z * z));
    let s = 0;
    for (let k = 1; k <= 8; k++) s += Math.pow(t, (2 * k - 1) * (2 * k - 1));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / z) * s));
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * z * z);
    s += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

/** A test's statistic and p-value. */
export interface TestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sample Kolmogorov–Smirnov test: D = sup |F_ref − F_cur| over the weighted ECDFs, and the
 * asymptotic p-value Q(√(n·m/(n+m))·D) with n, m the effective sizes (as scipy's ks_2samp with
 * method='asymp' up to its finite-n correction, which vanishes for large samples).
 */
export function ksTest(reference: Weighted, current: Weighted): TestResult {
  let d = 0;
  walkEcdfs(reference, current, (_x, _next, fa, fb) => {
    d = Math.max(d, Math.abs(fa - fb));
  });
  const n = effectiveSize(reference);
  const m = effectiveSize(current);
  if (n === 0 || m === 0) return { statistic: NaN, pValue: NaN };
  return { statistic: d, pValue: kolmogorovSf(Math.sqrt((n * m) / (n + m)) * d) };
}

/**
 * Chi-square test of homogeneity on the 2×k table of weighted counts (reference, current) ×
 * category, each row scaled to its effective size; no continuity correction (for two categories
 * it equals the two-proportion z-test, z² = χ²). Categories empty in both samples are dropped.
 * p-value from the chi-square CDF of @stdlib.
 */
export function chiSquareTest(reference: number[], current: number[], referenceSize: number, currentSize: number): TestResult {
  const sr = reference.reduce((a, b) => a + b, 0);
  const sc = current.reduce((a, b) => a + b, 0);
  const r = reference.map((x) => (sr > 0 ? (x / sr) * referenceSize : 0));
  const c = current.map((x) => (sc > 0 ? (x / sc) * currentSize : 0));
  const total = referenceSize + currentSize;
  let stat = 0;
  let k = 0;
  for (let j = 0; j < r.length; j++) {
    const col = r[j]! + c[j]!;
    if (col <= 0) continue;
    k++;
    const er = (referenceSize * col) / total;
    const ec = (currentSize * col) / total;
    stat += (r[j]! - er) ** 2 / er + (c[j]! - ec) ** 2 / ec;
  }
  const dof = k - 1;
  if (dof < 1 || referenceSize <= 0 || currentSize <= 0) return { statistic: 0, pValue: 1 };
  return { statistic: stat, pValue: 1 - chisquareCdf(stat, dof) };
}

/** Weighted counts per category value of a sample (for chiSquareTest), in the order of `cats`. */
export function categoryCounts(s: Weighted, cats: number[]): number[] {
  const index = new Map(cats.map((c, j) => [c, j]));
  const out = new Array<number>(cats.length).fill(0);
  for (let i = 0; i < s.values.length; i++) out[index.get(s.values[i] as number)!]! += weightAt(s, i);
  return out;
}

export { EMPTY_BIN };
