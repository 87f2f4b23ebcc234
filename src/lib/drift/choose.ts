// Evidently's default drift test per column, and its thresholds: with a small reference (≤ 1,000
// rows) a statistical test (KS for numerics, chi-square for categories; p < 0.05 means drift),
// otherwise a distance (normed Wasserstein for numerics, Jensen–Shannon for categories; ≥ 0.1).

import { MEASURES, type DriftMetric } from './measures.ts';

export { DISTANCE_THRESHOLD, P_THRESHOLD, type DriftMetric } from './measures.ts';

/** References up to this many rows get a statistical test; larger ones a distance. */
export const SMALL_REFERENCE = 1000;
/** Numeric columns with at most this many distinct values are tested as categories. */
export const FEW_DISTINCT = 5;
/** The data set drifts when at least this share of its columns drift. */
export const DATASET_DRIFT_SHARE = 0.5;

/** The measure Evidently picks for a column of this kind, distinct count and reference size. */
export function chooseTest(numeric: boolean, distinct: number, referenceRows: number): DriftMetric {
  const asNumeric = numeric && distinct > FEW_DISTINCT;
  if (referenceRows <= SMALL_REFERENCE) return asNumeric ? 'ks_p' : 'chi2_p';
  return asNumeric ? 'wasserstein' : 'js';
}

/** The threshold of a measure and which side of it means drift. */
export function thresholdOf(metric: DriftMetric): { value: number; driftedWhen: 'below' | 'at_or_above' } {
  const m = MEASURES[metric];
  return { value: m.threshold, driftedWhen: m.kind === 'pvalue' ? 'below' : 'at_or_above' };
}

/** True if `value` of `metric` means drift. */
export function isDrift(metric: DriftMetric, value: number): boolean {
  const t = thresholdOf(metric);
  if (!Number.isFinite(value)) return false;
  return t.driftedWhen === 'below' ? value < t.value : value >= t.value;
}
