// The noise rules the claims share: when a difference between two measured numbers counts as real.
// Every rule is "more than twice the difference's standard error, and at least a floor", so a claim
// says "within the noise" rather than reading a direction into sampling error.

/** A difference's verdict: b above a, below it, or within the noise. */
export type Change = 'up' | 'down' | 'same';

/** A compared pair with its verdict and the rule it was judged by. */
export interface Compared {
  change: Change;
  /** b − a. */
  diff: number;
  /** The smallest |b − a| counted as real here. */
  noise: number;
}

/** How many standard errors a difference must exceed to count (about a 95% two-sided test). */
export const Z = 2;

/** The verdict on b − a for a given noise threshold (NaN on either side is 'same' with a NaN diff). */
export function compare(a: number, b: number, noise: number): Compared {
  const diff = b - a;
  const change: Change = !Number.isFinite(diff) || Math.abs(diff) <= noise ? 'same' : diff > 0 ? 'up' : 'down';
  return { change, diff, noise };
}

/**
 * Standard error of an AUC from its positives and negatives (Hanley & McNeil, Radiology 1982,
 * eq. 2, with Q1 = A/(2 − A) and Q2 = 2A²/(1 + A)). NaN without both classes.
 */
export function aucStandardError(auc: number, positives: number, negatives: number): number {
  if (!(positives >= 1 && negatives >= 1) || !Number.isFinite(auc)) return Number.NaN;
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const v = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives);
  return Math.sqrt(Math.max(0, v));
}

/** Smallest AUC difference any claim calls real, however many rows back it. */
export const AUC_FLOOR = 0.005;

/** One AUC with the counts it was measured on. */
export interface AucOn {
  auc: number;
  positives: number;
  rows: number;
}

/** Compares two AUCs measured on separate samples (or, conservatively, on the same one). */
export function compareAuc(a: AucOn, b: AucOn, floor = AUC_FLOOR): Compared {
  const sa = aucStandardError(a.auc, a.positives, a.rows - a.positives);
  const sb = aucStandardError(b.auc, b.positives, b.rows - b.positives);
  const se = Math.sqrt((Number.isFinite(sa) ? sa * sa : 0) + (Number.isFinite(sb) ? sb * sb : 0));
  return compare(a.auc, b.auc, Math.max(floor, Z * se));
}

/** Compares two proportions (recall, say) of n1 and n2 trials, as independent binomials. */
export function compareProportion(p1: number, n1: number, p2: number, n2: number, floor = 0): Compared {
  const v1 = n1 > 0 && Number.isFinite(p1) ? (p1 * (1 - p1)) / n1 : 0;
  const v2 = n2 > 0 && Number.isFinite(p2) ? (p2 * (1 - p2)) / n2 : 0;
  return compare(p1, p2, Math.max(floor, Z * Math.sqrt(v1 + v2)));
}

/**
 * The one contradiction check every claim shares: a verdict said about a difference `diff`, judged
 * against `noise`, must be 'up' only above it, 'down' only below −noise, 'same' only within it.
 * Returns the contradiction in words, or null.
 */
export function contradiction(name: string, said: Change, diff: number, noise: number): string | null {
  if (said === 'up' && !(diff > noise)) return `${name}: said up, but the difference ${diff} is not above ${noise}`;
  if (said === 'down' && !(diff < -noise)) return `${name}: said down, but the difference ${diff} is not below −${noise}`;
  if (said === 'same' && Math.abs(diff) > noise + 1e-12) return `${name}: said within the noise, but the difference ${diff} exceeds ${noise}`;
  return null;
}

/** Day-to-day variance from successive differences: Σ (x[i+1] − x[i])² / (2 (n − 1)) (von Neumann et al., Ann. Math. Stat. 1941). */
export function successiveVariance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  let s = 0;
  for (let i = 1; i < xs.length; i++) s += ((xs[i] as number) - (xs[i - 1] as number)) ** 2;
  return s / (2 * (xs.length - 1));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The first and last `window` days' means of a daily series, compared with the spread of its successive differences. */
export interface Windows extends Compared {
  first: number;
  last: number;
  window: number;
}

/** Compares the mean of the first `window` values with the last `window`'s; null when the series is shorter than two windows. */
export function compareWindows(xs: readonly number[], window: number, floor = 0): Windows | null {
  const ys = xs.filter(Number.isFinite);
  if (window < 1 || ys.length < 2 * window) return null;
  const first = mean(ys.slice(0, window));
  const last = mean(ys.slice(ys.length - window));
  const se = Math.sqrt(successiveVariance(ys) * (2 / window));
  return { ...compare(first, last, Math.max(floor, Z * se)), first, last, window };
}

/** The AUC of an evaluation report with its counts (any object shaped like one). */
export function aucOn(r: { auc: { value: number }; positives: number; rows: number }): AucOn {
  return { auc: r.auc.value, positives: r.positives, rows: r.rows };
}

/** Widest twice-standard-error at which an AUC reads as steady: its second decimal is sure. */
export const STEADY_AUC = 0.01;

/** Whether an AUC is steady (twice its Hanley–McNeil error at most STEADY_AUC) or thin (wider, or unknown), with that error. */
export function aucSteadiness(a: AucOn): { outcome: 'steady' | 'thin'; noise: number } {
  const noise = Z * aucStandardError(a.auc, a.positives, a.rows - a.positives);
  return { outcome: noise <= STEADY_AUC ? 'steady' : 'thin', noise };
}
