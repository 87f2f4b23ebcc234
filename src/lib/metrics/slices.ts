// Any metric computed per slice of the rows (category, device, day…), given a code per row.
import { validateInputs, type Labels, type Scores, type Weights } from './inputs.ts';

/** A metric over one slice's rows: the arrays are copies of that slice's predictions, labels and weights. */
export type SliceMetric<T> = (pred: Float32Array | Float64Array, labels: Uint8Array, weights: Float32Array | Float64Array | undefined) => T;

/** One slice's result. */
export interface SliceResult<T> {
  /** The slice code (e.g. a category index). */
  key: number;
  rows: number;
  /** Σw over the slice. */
  weight: number;
  /** Σw·y over the slice. */
  positives: number;
  value: T;
}

/**
 * Evaluates `metric` on each slice that has rows with weight > 0, in increasing key order.
 * Rows are grouped by a counting sort on the key (O(n + K)), so each slice is one contiguous copy.
 */
export function perSlice<T>(
  keys: Uint8Array | Uint16Array | readonly number[],
  pred: Scores,
  labels: Labels,
  weights: Weights,
  metric: SliceMetric<T>,
): SliceResult<T>[] {
  const n = validateInputs(pred, labels, weights);
  if (keys.length !== n) throw new Error(`metrics: ${n} predictions but ${keys.length} slice keys`);
  let maxKey = 0;
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    if (!(Number.isInteger(k) && k >= 0 && k < 65536)) {
      throw new Error(`metrics: slice key at index ${i} is ${k}; keys must be integers in 0…65535`);
    }
    if (k > maxKey) maxKey = k;
  }
  const start = new Uint32Array(maxKey + 2);
  for (let i = 0; i < n; i++) {
    const k = (keys[i] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let k = 0; k <= maxKey; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, maxKey + 1);
  const p = pred instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  const y = new Uint8Array(n);
  const w = weights === undefined ? undefined : weights instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    const pos = fill[k] as number;
    fill[k] = pos + 1;
    p[pos] = pred[i] as number;
    y[pos] = labels[i] as number;
    if (w !== undefined && weights !== undefined) w[pos] = weights[i] as number;
  }
  const out: SliceResult<T>[] = [];
  for (let k = 0; k <= maxKey; k++) {
    const a = start[k] as number;
    const b = start[k + 1] as number;
    if (b === a) continue;
    let weight = 0;
    let positives = 0;
    for (let j = a; j < b; j++) {
      const wj = w === undefined ? 1 : (w[j] as number);
      weight += wj;
      if (y[j] === 1) positives += wj;
    }
    if (!(weight > 0)) continue;
    const value = metric(p.subarray(a, b), y.subarray(a, b), w?.subarray(a, b));
    out.push({ key: k, rows: b - a, weight, positives, value });
  }
  return out;
}
