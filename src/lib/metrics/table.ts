// Confusion counts at many thresholds from one sort, so a threshold slider needs no round trip.
import type { ConfusionAt } from '../lab/types.ts';
import type { Labels, Scores, Weights } from './inputs.ts';
import { countAtOrAbove, rank, type Ranking } from './ranking.ts';

/**
 * Log-spaced thresholds from `min` to `max` (both included), `perDecade` per factor of 10,
 * ascending. Default: 1e-6 … 1 with 20 per decade = 121 thresholds.
 */
export function logThresholds(min = 1e-6, max = 1, perDecade = 20): Float64Array {
  if (!(min > 0 && max > min && perDecade > 0)) {
    throw new Error(`metrics: logThresholds needs 0 < min < max and perDecade > 0 (got ${min}, ${max}, ${perDecade})`);
  }
  const decades = Math.log10(max / min);
  const count = Math.max(2, Math.round(decades * perDecade) + 1);
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = min * 10 ** ((decades * k) / (count - 1));
  out[0] = min;
  out[count - 1] = max;
  return out;
}

/** Weighted tp/fp/tn/fn at each threshold (predicted positive ⇔ score ≥ threshold), in the given order. */
export function confusionTableOf(r: Ranking, thresholds: ArrayLike<number>): ConfusionAt[] {
  const out: ConfusionAt[] = [];
  for (let j = 0; j < thresholds.length; j++) {
    const t = thresholds[j] as number;
    const k = countAtOrAbove(r, t);
    const tp = k > 0 ? (r.tps[k - 1] as number) : 0;
    const fp = k > 0 ? (r.fps[k - 1] as number) : 0;
    out.push({ threshold: t, tp, fp, tn: r.negatives - fp, fn: r.positives - tp });
  }
  return out;
}

/** `confusionTableOf` from raw inputs: one O(n log n) sort, then O(log n) per threshold. */
export function confusionTable(pred: Scores, labels: Labels, weights: Weights, thresholds: ArrayLike<number> = logThresholds()): ConfusionAt[] {
  return confusionTableOf(rank(pred, labels, weights), thresholds);
}
