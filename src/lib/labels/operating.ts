// The operating threshold of step 7/8, chosen from the business cost instead of left at 0.5. Showing
// an ad worth showing earns 1; showing one that is not costs r (the cost ratio, as in the What-If
// Tool's cost ratio). On calibrated probabilities the threshold that maximises tp − r·fp shows an ad
// when p·1 > (1 − p)·r, i.e. p > r / (1 + r) (Elkan, "The foundations of cost-sensitive learning",
// IJCAI 2001, theorem 1). A model trained on down-sampled negatives without weights, or with
// positives weighted c, scores p where the truth is q = p / (p + c(1 − p)/w) (He et al. 2014; King &
// Zeng 2001 for the class weight), so its threshold in its own scores is the inverse map.
import type { ConfusionAt, MetricValue } from '../lab/types.ts';
import { confusionNear } from '../metrics/at-threshold.ts';
import { precisionOf, recallOf } from '../metrics/threshold.ts';
import { downsampledRate } from './recalibrate.ts';

/** The threshold on a calibrated probability that maximises tp − r·fp: r / (1 + r). */
export function costThreshold(costRatio: number): number {
  if (!(costRatio > 0) || !Number.isFinite(costRatio)) throw new Error(`cost ratio must be a positive number, got ${costRatio}`);
  return costRatio / (1 + costRatio);
}

/** A model at its operating threshold: the threshold in its own scores, and recall and precision there. */
export interface OperatingPoint {
  /** Threshold on the calibrated probability (the cost's own). */
  threshold: number;
  /** The same threshold in the model's raw scores (differs only for a down-sampled, unweighted model or a class weight ≠ 1). */
  rawThreshold: number;
  /** The confusion-table row used (nearest on a log scale). */
  at: ConfusionAt;
  recall: MetricValue;
  precision: MetricValue;
  /** Net value per candidate in units of a relevant shown ad: (tp − r·fp) / total. */
  value: number;
}

/**
 * The operating point of a model from its confusion table: `keep` is the negative keep rate when
 * the model was trained on down-sampled negatives without weights, or 1; `classWeight` the weight its
 * positives had in training (their scores need the inverse recalibration unless both are 1). Null
 * for an empty table.
 */
export function operatingPoint(table: readonly ConfusionAt[], costRatio: number, keep = 1, classWeight = 1): OperatingPoint | null {
  const threshold = costThreshold(costRatio);
  const raw = keep < 1 || classWeight !== 1 ? downsampledRate(threshold, keep, classWeight) : threshold;
  const at = confusionNear(table, raw);
  if (!at) return null;
  const total = at.tp + at.fp + at.tn + at.fn;
  return { threshold, rawThreshold: raw, at, recall: recallOf(at), precision: precisionOf(at), value: total > 0 ? (at.tp - costRatio * at.fp) / total : Number.NaN };
}
