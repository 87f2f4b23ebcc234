// Threshold metrics read off a report's confusion table, so a threshold slider moves accuracy,
// precision, recall and F1 without a round trip to the worker.
import type { ConfusionAt, MetricValue } from '../lab/types.ts';
import { accuracyOf, f1Of, precisionOf, recallOf } from './threshold.ts';

/** Accuracy, precision, recall and F1 at one row of a confusion table. */
export interface ThresholdMetrics {
  /** The table row used (its threshold is the one the metrics hold at). */
  at: ConfusionAt;
  accuracy: MetricValue;
  precision: MetricValue;
  recall: MetricValue;
  f1: MetricValue;
}

/** The row whose threshold is closest to `threshold` on a log scale (ties: the first), or null for an empty table. */
export function confusionNear(table: readonly ConfusionAt[], threshold: number): ConfusionAt | null {
  let best: ConfusionAt | null = null;
  let bestD = Infinity;
  const t = Math.log(Math.max(threshold, 1e-12));
  for (const c of table) {
    if (!(c.threshold > 0)) continue;
    const d = Math.abs(Math.log(c.threshold) - t);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** The threshold metrics at the table row nearest `threshold`, or null for an empty table. */
export function metricsAt(table: readonly ConfusionAt[], threshold: number): ThresholdMetrics | null {
  const at = confusionNear(table, threshold);
  if (!at) return null;
  return { at, accuracy: accuracyOf(at), precision: precisionOf(at), recall: recallOf(at), f1: f1Of(at) };
}
