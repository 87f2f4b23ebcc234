// ROC and precision–recall curves, AUC and average precision, all computed from one Ranking.
import type { MetricValue } from '../lab/types.ts';
import { defined, undefinedMetric, type Labels, type Scores, type Weights } from './inputs.ts';
import { rank, type Ranking } from './ranking.ts';

/** Reason given when AUC cannot be computed. */
export const ONE_CLASS_AUC = 'only one class present: AUC is undefined';

/** A ROC curve: false/true positive rates at each distinct threshold, from (0,0) to (1,1). */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** thresholds[k] is the score at or above which rows are predicted positive; thresholds[0] = Infinity. */
  thresholds: Float64Array;
}

/** A precision–recall curve in increasing recall, starting at (recall 0, precision 1) as sklearn does. */
export interface PrCurve {
  recall: Float64Array;
  precision: Float64Array;
  /** thresholds[0] = Infinity (the added start point), then the distinct scores, descending. */
  thresholds: Float64Array;
}

/**
 * Area under the ROC curve = Mann–Whitney U / (n₊·n₋): the probability that a random positive
 * scores above a random negative, ties counted ½. Computed as the trapezoid over tied groups,
 * which equals U exactly; with weights, each (positive, negative) pair counts w₊·w₋.
 */
export function aucOf(r: Ranking): MetricValue {
  if (!(r.positives > 0 && r.negatives > 0)) return undefinedMetric(ONE_CLASS_AUC);
  let u = 0;
  let tpPrev = 0;
  let fpPrev = 0;
  const g = r.scores.length;
  for (let k = 0; k < g; k++) {
    const tp = r.tps[k] as number;
    const fp = r.fps[k] as number;
    // Negatives of this group lose to every positive above it and tie (½) with the positives in it.
    u += (fp - fpPrev) * (tpPrev + (tp - tpPrev) / 2);
    tpPrev = tp;
    fpPrev = fp;
  }
  return defined(u / (r.positives * r.negatives));
}

/**
 * Average precision, step-wise as sklearn's `average_precision_score`:
 * AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds (no interpolation). Undefined without positives.
 */
export function averagePrecisionOf(r: Ranking): MetricValue {
  if (!(r.positives > 0)) return undefinedMetric('no positive labels: average precision is undefined');
  let ap = 0;
  let tpPrev = 0;
  const g = r.scores.length;
  for (let k = 0; k < g; k++) {
    const tp = r.tps[k] as number;
    if (tp > tpPrev) ap += (tp - tpPrev) * (tp / (tp + (r.fps[k] as number)));
    tpPrev = tp;
  }
  return defined(ap / r.positives);
}

/** The full ROC curve (one point per distinct score, plus the origin); empty arrays when one class is absent. */
export function rocCurveOf(r: Ranking): RocCurve {
  if (!(r.positives > 0 && r.negatives > 0)) {
    return { fpr: new Float64Array(0), tpr: new Float64Array(0), thresholds: new Float64Array(0) };
  }
  const g = r.scores.length;
  const fpr = new Float64Array(g + 1);
  const tpr = new Float64Array(g + 1);
  const thresholds = new Float64Array(g + 1);
  thresholds[0] = Infinity;
  for (let k = 0; k < g; k++) {
    fpr[k + 1] = (r.fps[k] as number) / r.negatives;
    tpr[k + 1] = (r.tps[k] as number) / r.positives;
    thresholds[k + 1] = r.scores[k] as number;
  }
  return { fpr, tpr, thresholds };
}

/**
 * The full PR curve (sklearn's `precision_recall_curve`, in increasing recall): the start point
 * (0, 1), then one point per distinct score whose predicted-positive weight is > 0. Empty without positives.
 */
export function prCurveOf(r: Ranking): PrCurve {
  if (!(r.positives > 0)) {
    return { recall: new Float64Array(0), precision: new Float64Array(0), thresholds: new Float64Array(0) };
  }
  const g = r.scores.length;
  const recall = new Float64Array(g + 1);
  const precision = new Float64Array(g + 1);
  const thresholds = new Float64Array(g + 1);
  recall[0] = 0;
  precision[0] = 1;
  thresholds[0] = Infinity;
  let m = 1;
  for (let k = 0; k < g; k++) {
    const tp = r.tps[k] as number;
    const predicted = tp + (r.fps[k] as number);
    if (!(predicted > 0)) continue; // only zero-weight rows so far: precision undefined, skip the point
    recall[m] = tp / r.positives;
    precision[m] = tp / predicted;
    thresholds[m] = r.scores[k] as number;
    m++;
  }
  return { recall: recall.slice(0, m), precision: precision.slice(0, m), thresholds: thresholds.slice(0, m) };
}

/** Weighted ROC AUC (sklearn: roc_auc_score(y, p, sample_weight=w)); NaN with a reason for one class. */
export function auc(pred: Scores, labels: Labels, weights?: Weights): MetricValue {
  return aucOf(rank(pred, labels, weights));
}

/** Weighted average precision (sklearn: average_precision_score(y, p, sample_weight=w)). */
export function averagePrecision(pred: Scores, labels: Labels, weights?: Weights): MetricValue {
  return averagePrecisionOf(rank(pred, labels, weights));
}

/** Weighted ROC curve, all points (sklearn: roc_curve(..., drop_intermediate=False)). */
export function rocCurve(pred: Scores, labels: Labels, weights?: Weights): RocCurve {
  return rocCurveOf(rank(pred, labels, weights));
}

/** Weighted precision–recall curve, all points, in increasing recall. */
export function prCurve(pred: Scores, labels: Labels, weights?: Weights): PrCurve {
  return prCurveOf(rank(pred, labels, weights));
}
