// Metrics of the probabilities themselves: log loss, normalized entropy, calibration ratio.
import type { MetricValue } from '../lab/types.ts';
import { defined, undefinedMetric, validateInputs, type Labels, type Scores, type Weights } from './inputs.ts';

/**
 * Default clipping for log loss: predictions are clipped to [eps, 1 − eps] with eps = 2⁻²³, the
 * float32 machine epsilon, as sklearn's `log_loss` does for float32 input (it clips at
 * `np.finfo(dtype).eps`). A confident wrong answer therefore costs at most −ln(2⁻²³) ≈ 15.9 nats.
 */
export const LOG_LOSS_EPS = 2 ** -23;

/** Weighted totals of one pass: Σw, Σw·y, Σw·p and Σw·logloss. */
interface Sums {
  weight: number;
  positives: number;
  predicted: number;
  loss: number;
}

function sums(pred: Scores, labels: Labels, weights: Weights, eps: number): Sums {
  let weight = 0;
  let positives = 0;
  let predicted = 0;
  let loss = 0;
  const n = pred.length;
  const hi = 1 - eps;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const p = pred[i] as number;
    const q = p < eps ? eps : p > hi ? hi : p;
    weight += w;
    predicted += w * p;
    if (labels[i] === 1) {
      positives += w;
      loss -= w * Math.log(q);
    } else {
      loss -= w * Math.log(1 - q);
    }
  }
  return { weight, positives, predicted, loss };
}

/** Entropy in nats of a Bernoulli(p): −p ln p − (1−p) ln(1−p). */
export function bernoulliEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
}

/** The three probabilistic metrics of one pass, plus the weighted mean prediction and base rate. */
export interface ProbabilityMetrics {
  logLoss: MetricValue;
  ne: MetricValue;
  calibration: MetricValue;
  meanPrediction: number;
  baseRate: number;
  weight: number;
  positives: number;
}

/** All probabilistic metrics in one O(n) pass, without validation (see the individual functions). */
export function probabilityMetricsUnchecked(pred: Scores, labels: Labels, weights: Weights, eps = LOG_LOSS_EPS): ProbabilityMetrics {
  const s = sums(pred, labels, weights, eps);
  const meanLoss = s.loss / s.weight;
  const baseRate = s.positives / s.weight;
  const h = bernoulliEntropy(baseRate);
  return {
    logLoss: defined(meanLoss),
    ne:
      h > 0
        ? defined(meanLoss / h)
        : undefinedMetric('only one class present: the base rate has zero entropy, so NE is undefined'),
    calibration:
      s.positives > 0
        ? defined(s.predicted / s.positives)
        : undefinedMetric('no positive labels: calibration (predicted ÷ observed positives) is undefined'),
    meanPrediction: s.predicted / s.weight,
    baseRate,
    weight: s.weight,
    positives: s.positives,
  };
}

/** Weighted mean log loss in nats (sklearn: log_loss(y, p, sample_weight=w)), clipped at `eps`. */
export function logLoss(pred: Scores, labels: Labels, weights?: Weights, eps = LOG_LOSS_EPS): MetricValue {
  validateInputs(pred, labels, weights);
  return probabilityMetricsUnchecked(pred, labels, weights, eps).logLoss;
}

/**
 * Normalized entropy (He et al., "Practical Lessons from Predicting Clicks on Ads at Facebook",
 * ADKDD 2014): mean log loss ÷ entropy of the weighted base rate. 1 = no better than always
 * predicting the base rate; lower is better. Undefined when only one class is present.
 */
export function normalizedEntropy(pred: Scores, labels: Labels, weights?: Weights, eps = LOG_LOSS_EPS): MetricValue {
  validateInputs(pred, labels, weights);
  return probabilityMetricsUnchecked(pred, labels, weights, eps).ne;
}

/**
 * Calibration ratio (He et al. 2014): weighted mean prediction ÷ weighted observed positive rate
 * (= expected ÷ actual positives). 1 is perfect; > 1 over-predicts. Undefined without positives.
 */
export function calibrationRatio(pred: Scores, labels: Labels, weights?: Weights): MetricValue {
  validateInputs(pred, labels, weights);
  return probabilityMetricsUnchecked(pred, labels, weights).calibration;
}

/** Weighted mean prediction Σw·p / Σw. */
export function meanPrediction(pred: Scores, labels: Labels, weights?: Weights): number {
  validateInputs(pred, labels, weights);
  return probabilityMetricsUnchecked(pred, labels, weights).meanPrediction;
}
