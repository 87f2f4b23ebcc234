// How the drift report reads: bin ranges with a real minus sign, p-values too small to print as
// "< 0.001", distances of (numerically) nothing as "≈ 0", and each test's rule beside its value.

import { formatMeasure, kindOf } from './measures.ts';

/** A number with a typographic minus ("−6.70"): whole numbers from 10 up, else two decimals. */
export function edgeText(x: number): string {
  const s = Math.abs(x) >= 10 ? Math.abs(x).toFixed(0) : Math.abs(x).toFixed(2);
  return x < 0 && Number(s) !== 0 ? `−${s}` : s;
}

/** A numeric bin's label: "0.20–0.30", or "−7.00 to −6.70" when a dash would read as a minus. */
export function binRangeText(lo: number, hi: number): string {
  const a = edgeText(lo);
  const b = edgeText(hi);
  return a.startsWith('−') || b.startsWith('−') ? `${a} to ${b}` : `${a}–${b}`;
}

/**
 * A numeric bin of a whole-number column (the hour of day) as the whole numbers it holds: bins are
 * [lo, hi), the last one [lo, hi]: "0–1", "2", "21–23", never "0.00–1.28".
 */
export function wholeRangeText(lo: number, hi: number, last = false): string {
  const a = Math.ceil(lo - 1e-9);
  const b = last ? Math.floor(hi + 1e-9) : Math.ceil(hi - 1e-9) - 1;
  if (b < a) return binRangeText(lo, hi);
  return a === b ? String(a) : `${a}–${b}`;
}

/** True for the measures that are p-values (drift when below the threshold). */
export function isPValue(metric: string): boolean {
  return kindOf(metric) === 'pvalue';
}

/** A drift measure's value as it reads (see formatMeasure); a name not in the table reads as a distance. */
export function measureText(metric: string, v: number): string {
  return formatMeasure(kindOf(metric) ?? 'distance', v);
}

/** The rule beside a test's value: "drift if < 0.05" for p-values, "drift if ≥ 0.1" for distances. */
export function ruleText(metric: string, threshold: number): string {
  return `drift if ${isPValue(metric) ? '<' : '≥'} ${threshold}`;
}
