// Input types and validation shared by every metric: predictions in [0,1], 0/1 labels, optional weights.
import type { MetricValue } from '../lab/types.ts';

/** Predicted probabilities of the positive class, each in [0, 1]. */
export type Scores = Float32Array | Float64Array | readonly number[];
/** Observed labels, each 0 or 1. */
export type Labels = Uint8Array | readonly number[];
/** Per-example weights (finite, ≥ 0); undefined means every weight is 1. */
export type Weights = Float32Array | Float64Array | readonly number[] | undefined;

/** A metric value that is undefined, with the reason in words. */
export function undefinedMetric(reason: string): MetricValue {
  return { value: Number.NaN, reason };
}

/** A defined metric value. */
export function defined(value: number): MetricValue {
  return { value };
}

/**
 * Checks lengths, emptiness, prediction range, labels and weights; throws an Error that names the
 * first offending index. Returns the number of rows. O(n), no allocation.
 */
export function validateInputs(pred: Scores, labels: Labels, weights: Weights): number {
  const n = pred.length;
  if (n === 0) throw new Error('metrics: empty input (no predictions)');
  if (labels.length !== n) {
    throw new Error(`metrics: ${n} predictions but ${labels.length} labels`);
  }
  if (weights !== undefined && weights.length !== n) {
    throw new Error(`metrics: ${n} predictions but ${weights.length} weights`);
  }
  for (let i = 0; i < n; i++) {
    const p = pred[i] as number;
    // Written so that NaN fails the test too.
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`metrics: prediction at index ${i} is ${p}; predictions must be numbers in [0, 1]`);
    }
    const y = labels[i];
    if (y !== 0 && y !== 1) {
      throw new Error(`metrics: label at index ${i} is ${y}; labels must be 0 or 1`);
    }
  }
  let total = n;
  if (weights !== undefined) {
    total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (!(w >= 0 && w < Infinity)) {
        throw new Error(`metrics: weight at index ${i} is ${w}; weights must be finite and ≥ 0`);
      }
      total += w;
    }
  }
  if (!(total > 0)) throw new Error('metrics: total weight is zero');
  return n;
}

/** The weight of row i (1 when weights are absent). */
export function weightAt(weights: Weights, i: number): number {
  return weights === undefined ? 1 : (weights[i] as number);
}
