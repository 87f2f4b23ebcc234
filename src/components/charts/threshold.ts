// Log-scale threshold helpers for the slider and for picking the confusion counts nearest a threshold. No DOM.

/** The threshold at a slider position given in powers of ten (position -3 → 0.001), rounded to 12 digits. */
export function thresholdAt(position: number): number {
  return +(10 ** position).toPrecision(12);
}

/** The slider position (power of ten) of a threshold, clamped to [lo, hi] powers. */
export function positionOf(threshold: number, lo: number, hi: number): number {
  if (!(threshold > 0)) return lo;
  return Math.min(hi, Math.max(lo, Math.log10(threshold)));
}

/** The confusion counts whose threshold is closest (on a log scale) to `threshold`, or null. */
export { confusionNear } from '../../lib/metrics/at-threshold.ts';
