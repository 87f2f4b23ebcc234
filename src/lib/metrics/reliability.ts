// Reliability diagram bins: mean prediction against observed positive rate, per bin of predictions.
import { validateInputs, type Labels, type Scores, type Weights } from './inputs.ts';
import { rankUnchecked, type Ranking } from './ranking.ts';

/** One bin of a reliability diagram (all sums weighted). */
export interface ReliabilityBin {
  /** Σw·p / Σw over the bin. */
  meanPredicted: number;
  /** Σw·y / Σw over the bin. */
  observedRate: number;
  /** Σw over the bin. */
  weight: number;
  /** Lowest and highest prediction in the bin. */
  lo: number;
  hi: number;
}

/**
 * 'uniform': B equal-width bins [k/B, (k+1)/B), the last one closed at 1 (like sklearn's
 * calibration_curve(strategy='uniform'), except that sklearn closes bins on the right).
 * 'quantile': bins holding about equal *weight* (weighted quantiles of the predictions); rows with
 * the same score are never split, so there may be fewer than B bins.
 */
export type BinStrategy = 'uniform' | 'quantile';

export interface ReliabilityOptions {
  bins?: number;
  strategy?: BinStrategy;
}

/** Reliability-diagram bins; bins with zero weight are omitted (as sklearn drops empty bins). */
export function reliabilityBins(pred: Scores, labels: Labels, weights?: Weights, opts: ReliabilityOptions = {}): ReliabilityBin[] {
  validateInputs(pred, labels, weights);
  const bins = checkBins(opts.bins ?? 10);
  if ((opts.strategy ?? 'uniform') === 'uniform') return uniformBinsUnchecked(pred, labels, weights, bins);
  return quantileBinsOf(rankUnchecked(pred, labels, weights), bins);
}

function checkBins(bins: number): number {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`metrics: reliability bins must be a positive integer, got ${bins}`);
  return bins;
}

/** Equal-width bins in one pass (no validation). */
export function uniformBinsUnchecked(pred: Scores, labels: Labels, weights: Weights, bins: number): ReliabilityBin[] {
  checkBins(bins);
  const w = new Float64Array(bins);
  const wp = new Float64Array(bins);
  const wy = new Float64Array(bins);
  const lo = new Float64Array(bins).fill(Infinity);
  const hi = new Float64Array(bins).fill(-Infinity);
  const n = pred.length;
  for (let i = 0; i < n; i++) {
    const p = pred[i] as number;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    const wi = weights === undefined ? 1 : (weights[i] as number);
    w[b] = (w[b] as number) + wi;
    wp[b] = (wp[b] as number) + wi * p;
    if (labels[i] === 1) wy[b] = (wy[b] as number) + wi;
    if (p < (lo[b] as number)) lo[b] = p;
    if (p > (hi[b] as number)) hi[b] = p;
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const wb = w[b] as number;
    if (!(wb > 0)) continue;
    out.push({ meanPredicted: (wp[b] as number) / wb, observedRate: (wy[b] as number) / wb, weight: wb, lo: lo[b] as number, hi: hi[b] as number });
  }
  return out;
}

/** Equal-weight bins from a Ranking, walking the distinct scores from lowest to highest. */
export function quantileBinsOf(r: Ranking, bins: number): ReliabilityBin[] {
  checkBins(bins);
  const total = r.positives + r.negatives;
  const out: ReliabilityBin[] = [];
  let next = 1; // the bin closes once the cumulative weight reaches next/bins of the total
  let cum = 0;
  let w = 0;
  let wp = 0;
  let wy = 0;
  let lo = Number.NaN;
  let hi = Number.NaN;
  for (let k = r.scores.length - 1; k >= 0; k--) {
    const s = r.scores[k] as number;
    const tpAbove = k > 0 ? (r.tps[k - 1] as number) : 0;
    const fpAbove = k > 0 ? (r.fps[k - 1] as number) : 0;
    const dtp = (r.tps[k] as number) - tpAbove;
    const gw = dtp + (r.fps[k] as number) - fpAbove;
    if (w === 0) lo = s;
    hi = s;
    w += gw;
    wp += gw * s;
    wy += dtp;
    cum += gw;
    if (cum >= (total * next) / bins || k === 0) {
      if (w > 0) out.push({ meanPredicted: wp / w, observedRate: wy / w, weight: w, lo, hi });
      while (next <= bins && cum >= (total * next) / bins) next++;
      w = 0;
      wp = 0;
      wy = 0;
    }
  }
  return out;
}
