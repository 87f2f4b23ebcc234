// One sort of the predictions, grouped by distinct score: the basis of every curve, AUC, AP and
// the confusion table (the same construction as sklearn's `_binary_clf_curve`).
import { validateInputs, type Labels, type Scores, type Weights } from './inputs.ts';

/** Predictions sorted once and grouped by distinct score, highest score first. */
export interface Ranking {
  /** Number of rows. */
  n: number;
  /** Distinct scores, descending (length G). */
  scores: Float64Array;
  /** tps[k]: weighted positives with score ≥ scores[k] (cumulative, length G). */
  tps: Float64Array;
  /** fps[k]: weighted negatives with score ≥ scores[k] (cumulative, length G). */
  fps: Float64Array;
  /** Total weighted positives. */
  positives: number;
  /** Total weighted negatives. */
  negatives: number;
}

/** Row indices in ascending order of score; radix sort on the float bits for Float32Array input. */
export function ascendingOrder(pred: Scores): Uint32Array {
  if (pred instanceof Float32Array) return radixOrder(pred);
  const n = pred.length;
  const values = Float64Array.from(pred);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  return order;
}

/**
 * Stable LSD radix sort (3 passes of 11 bits) of non-negative float32 values by their bit pattern,
 * which orders like the values (IEEE 754); −0 is mapped to +0. O(n), no comparator calls.
 */
function radixOrder(pred: Float32Array): Uint32Array {
  const n = pred.length;
  const bits = new Uint32Array(pred.buffer, pred.byteOffset, n);
  let keys = new Uint32Array(n);
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = bits[i] as number;
    keys[i] = k >= 0x80000000 ? 0 : k;
    idx[i] = i;
  }
  let keys2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 33; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((keys[i] as number) >>> shift) & 2047;
      counts[d] = (counts[d] as number) + 1;
    }
    if (counts.includes(n)) continue; // every key has the same digit: this pass would not move anything
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i] as number;
      const d = (k >>> shift) & 2047;
      const pos = counts[d] as number;
      counts[d] = pos + 1;
      keys2[pos] = k;
      idx2[pos] = idx[i] as number;
    }
    [keys, keys2] = [keys2, keys];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/** Validates the inputs, sorts once (O(n log n) at worst) and groups rows by distinct score. */
export function rank(pred: Scores, labels: Labels, weights?: Weights): Ranking {
  validateInputs(pred, labels, weights);
  return rankUnchecked(pred, labels, weights);
}

/** `rank` without validation, for callers that have validated already. */
export function rankUnchecked(pred: Scores, labels: Labels, weights: Weights): Ranking {
  const n = pred.length;
  const order = ascendingOrder(pred);
  const scores = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let g = -1;
  let tp = 0;
  let fp = 0;
  let prev = Number.NaN;
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r] as number;
    const s = pred[i] as number;
    if (s !== prev) {
      if (g >= 0) {
        tps[g] = tp;
        fps[g] = fp;
      }
      g++;
      scores[g] = s;
      prev = s;
    }
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (labels[i] === 1) tp += w;
    else fp += w;
  }
  tps[g] = tp;
  fps[g] = fp;
  const groups = g + 1;
  return {
    n,
    // Views, not copies: the unused tails are dropped with the ranking (copying cost ~15% of a rank).
    scores: scores.subarray(0, groups),
    tps: tps.subarray(0, groups),
    fps: fps.subarray(0, groups),
    positives: tp,
    negatives: fp,
  };
}

/** Number of groups with score ≥ t (binary search over the descending scores). */
export function countAtOrAbove(ranking: Ranking, t: number): number {
  const s = ranking.scores;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s[mid] as number) >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
