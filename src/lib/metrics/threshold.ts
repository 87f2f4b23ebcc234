// Metrics at one decision threshold: a row is predicted positive when its score is ≥ the threshold.
import type { ConfusionAt, MetricValue } from '../lab/types.ts';
import { defined, undefinedMetric, validateInputs, type Labels, type Scores, type Weights } from './inputs.ts';

/** Weighted confusion counts at `threshold` (predicted positive ⇔ score ≥ threshold); O(n), no sort. */
export function confusionAt(pred: Scores, labels: Labels, weights?: Weights, threshold = 0.5): ConfusionAt {
  validateInputs(pred, labels, weights);
  return confusionAtUnchecked(pred, labels, weights, threshold);
}

/** `confusionAt` without validation. */
export function confusionAtUnchecked(pred: Scores, labels: Labels, weights: Weights, threshold: number): ConfusionAt {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  const n = pred.length;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const predictedPositive = (pred[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (predictedPositive) tp += w;
      else fn += w;
    } else if (predictedPositive) fp += w;
    else tn += w;
  }
  return { threshold, tp, fp, tn, fn };
}

/** The 2×2 weighted confusion matrix [[tn, fp], [fn, tp]] (rows: true label 0/1; columns: predicted 0/1, as sklearn). */
export function confusionMatrix(pred: Scores, labels: Labels, weights?: Weights, threshold = 0.5): [[number, number], [number, number]] {
  const c = confusionAt(pred, labels, weights, threshold);
  return [
    [c.tn, c.fp],
    [c.fn, c.tp],
  ];
}

/** (tp + tn) / total weight. */
export function accuracyOf(c: ConfusionAt): MetricValue {
  const total = c.tp + c.fp + c.tn + c.fn;
  if (!(total > 0)) return undefinedMetric('no rows with weight: accuracy is undefined');
  return defined((c.tp + c.tn) / total);
}

/** tp / (tp + fp); undefined when nothing is predicted positive. */
export function precisionOf(c: ConfusionAt): MetricValue {
  const predicted = c.tp + c.fp;
  if (!(predicted > 0)) {
    return undefinedMetric(`no predicted positives at threshold ${c.threshold}: precision is undefined`);
  }
  return defined(c.tp / predicted);
}

/** tp / (tp + fn); undefined when there is no positive label. */
export function recallOf(c: ConfusionAt): MetricValue {
  const actual = c.tp + c.fn;
  if (!(actual > 0)) return undefinedMetric('no positive labels: recall is undefined');
  return defined(c.tp / actual);
}

/**
 * F1 = 2tp / (2tp + fp + fn), the harmonic mean of precision and recall written so that it is
 * defined (= 0) when precision alone is undefined, as in sklearn's `f1_score`; undefined only when
 * there are neither positive labels nor predicted positives.
 */
export function f1Of(c: ConfusionAt): MetricValue {
  const denom = 2 * c.tp + c.fp + c.fn;
  if (!(denom > 0)) {
    return undefinedMetric(`no positive labels and no predicted positives at threshold ${c.threshold}: F1 is undefined`);
  }
  return defined((2 * c.tp) / denom);
}

/** Weighted accuracy at `threshold` (sklearn: accuracy_score(y, p >= t, sample_weight=w)). */
export function accuracy(pred: Scores, labels: Labels, weights?: Weights, threshold = 0.5): MetricValue {
  return accuracyOf(confusionAt(pred, labels, weights, threshold));
}

/** Weighted precision at `threshold`; NaN with a reason when nothing is predicted positive. */
export function precision(pred: Scores, labels: Labels, weights?: Weights, threshold = 0.5): MetricValue {
  return precisionOf(confusionAt(pred, labels, weights, threshold));
}

/** Weighted recall at `threshold`; NaN with a reason when there is no positive label. */
export function recall(pred: Scores, labels: Labels, weights?: Weights, threshold = 0.5): MetricValue {
  return recallOf(confusionAt(pred, labels, weights, threshold));
}

/** Weighted F1 at `threshold` (see `f1Of`). */
export function f1(pred: Scores, labels: Labels, weights?: Weights, threshold = 0.5): MetricValue {
  return f1Of(confusionAt(pred, labels, weights, threshold));
}
