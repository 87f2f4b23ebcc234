// Binning two samples on shared bins, as Evidently does: Sturges' rule on the combined data for
// numeric columns with many distinct values, one bin per category otherwise; proportions per bin
// with a small epsilon in place of empty bins (so logarithms and ratios stay finite).
import { distinctCount, totalWeight, weightAt, type Weighted } from './sample.ts';

/** Distinct values above which a numeric column is binned by Sturges' rule. */
export const MANY_DISTINCT = 20;
/** Proportion that replaces an empty bin (Evidently's 0.0001). */
export const EMPTY_BIN = 1e-4;

/** Shared bins of a reference and a current sample, with weighted proportions. */
export interface Binned {
  /** 'range' bins have edges; 'category' bins have one value each. */
  kind: 'range' | 'category';
  /** Bin edges (k + 1 of them) for ranges; the category values for categories. */
  edges: number[];
  /** Weighted share of the reference in each bin (sums to 1). */
  reference: number[];
  /** Weighted share of the current sample in each bin (sums to 1). */
  current: number[];
}

/** Sturges' bin count for n values: ⌈log₂ n⌉ + 1 (numpy's histogram_bin_edges, bins='sturges'). */
export function sturges(n: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(1, n)) + 1));
}

/** Min and max over both samples. */
function range(a: Weighted, b: Weighted): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of [a, b]) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i] as number;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** Weighted shares of a sample over equal-width bins [lo, hi] (the last bin closed, like numpy). */
function rangeShares(s: Weighted, lo: number, hi: number, k: number): number[] {
  const out = new Array<number>(k).fill(0);
  const width = (hi - lo) / k;
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i] as number;
    const j = width > 0 ? Math.min(k - 1, Math.floor((v - lo) / width)) : 0;
    out[j]! += weightAt(s, i);
  }
  const t = totalWeight(s);
  return out.map((c) => (t > 0 ? c / t : 0));
}

/** Weighted shares of a sample over the given category values. */
function categoryShares(s: Weighted, cats: number[]): number[] {
  const index = new Map(cats.map((c, j) => [c, j]));
  const out = new Array<number>(cats.length).fill(0);
  for (let i = 0; i < s.values.length; i++) out[index.get(s.values[i] as number)!]! += weightAt(s, i);
  const t = totalWeight(s);
  return out.map((c) => (t > 0 ? c / t : 0));
}

/** Empty bins get EMPTY_BIN instead of 0. */
export function fillEmpty(p: number[]): number[] {
  return p.map((x) => (x === 0 ? EMPTY_BIN : x));
}

/** Shared bins of two samples: Sturges ranges for numerics with > MANY_DISTINCT values, categories otherwise. */
export function binTogether(reference: Weighted, current: Weighted, numeric: boolean): Binned {
  if (numeric && distinctCount(reference, current, MANY_DISTINCT) > MANY_DISTINCT) {
    const [lo, hi] = range(reference, current);
    const k = sturges(reference.values.length + current.values.length);
    const edges = Array.from({ length: k + 1 }, (_, j) => lo + ((hi - lo) * j) / k);
    return { kind: 'range', edges, reference: rangeShares(reference, lo, hi, k), current: rangeShares(current, lo, hi, k) };
  }
  const cats = new Set<number>();
  for (const s of [reference, current]) for (let i = 0; i < s.values.length; i++) cats.add(s.values[i] as number);
  const edges = [...cats].sort((x, y) => x - y);
  return { kind: 'category', edges, reference: categoryShares(reference, edges), current: categoryShares(current, edges) };
}
