// Off-policy evaluation: estimating what a new policy would earn per slot from a log written by
// another policy, as long as the logging policy recorded the probability of each action it took.
// Each logged row is one slot: the reward it earned (revenue: the clicked ad's CPC, or 0), the
// logging policy's probability of the ad it showed there, and the new policy's probability of
// showing that same ad there. Inverse propensity scoring (IPS) reweights each reward by
// w = target / logging (Horvitz–Thompson; Bottou et al., "Counterfactual Reasoning and Learning
// Systems: The Example of Computational Advertising", JMLR 14, 2013); the self-normalised form
// (SNIPS) divides by the sum of the weights instead of the row count, trading a small bias for less
// variance (Swaminathan & Joachims, "The Self-Normalized Estimator for Counterfactual Learning",
// NeurIPS 2015). A deterministic logging policy gives no support to the actions it never takes: the
// rows the new policy would change then carry no weight, and the estimate is impossible.
import { normalQuantile } from '../sim/normal.ts';

/** A log of slots with recorded propensities (one entry per slot in every array). */
export interface OffPolicyLog {
  /** Reward each logged slot earned (e.g. revenue in dollars). */
  reward: ArrayLike<number>;
  /** Probability with which the logging policy chose the logged ad for that slot (> 0). */
  loggingProb: ArrayLike<number>;
  /** Probability with which the new policy would choose that same ad for that slot (0…1). */
  targetProb: ArrayLike<number>;
  /** Optional id of each slot's request (or user): slots sharing an id are one independent unit for the interval. */
  cluster?: ArrayLike<number>;
}

/** An estimate of the new policy's reward per slot, with its normal-approximation interval. */
export interface Estimate {
  /** Estimated reward per slot. */
  value: number;
  /** Standard error (linearised over the independent units). */
  se: number;
  /** value ∓ z·se at the estimate's level. */
  ci: [number, number];
}

/** Both estimators on one log, with the diagnostics of its weights. */
export interface OffPolicyEstimate {
  /** Logged slots. */
  n: number;
  /** Independent units the interval treats as draws (requests, or slots when no cluster is given). */
  units: number;
  /** Confidence level of the intervals. */
  level: number;
  /** Inverse propensity scoring: Σ w·r / n. */
  ips: Estimate;
  /** Self-normalised IPS: Σ w·r / Σ w. */
  snips: Estimate;
  /** Σ w (its expectation is n when the logging policy supports the new one everywhere). */
  weightSum: number;
  /** Largest weight (a few huge weights mean a fragile estimate). */
  maxWeight: number;
  /** Slots whose logged ad the new policy would also choose (w > 0). */
  supported: number;
  /** Effective sample size (Σw)² / Σw² (Kish): how many equally weighted slots the estimate is worth. */
  ess: number;
}

/** Importance weights w = target / logging of each logged slot. */
export function importanceWeights(loggingProb: ArrayLike<number>, targetProb: ArrayLike<number>): Float64Array {
  if (loggingProb.length !== targetProb.length) throw new RangeError('one logging and one target probability per slot');
  const w = new Float64Array(loggingProb.length);
  for (let i = 0; i < w.length; i++) {
    const mu = loggingProb[i] as number;
    const pi = targetProb[i] as number;
    if (!(mu > 0 && mu <= 1)) throw new RangeError(`slot ${i}: logging probability ${mu} is not in (0, 1] (a logged action had a chance)`);
    if (!(pi >= 0 && pi <= 1)) throw new RangeError(`slot ${i}: target probability ${pi} is not in [0, 1]`);
    w[i] = pi / mu;
  }
  return w;
}

/** Effective sample size (Σw)² / Σw² of a set of weights (0 when all are 0). */
export function effectiveSampleSize(w: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i] as number;
    s += v;
    s2 += v * v;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Per-unit sums of w·r, w and the slot count (units are the clusters, or the slots themselves). */
function unitSums(log: OffPolicyLog, w: Float64Array): { wr: Float64Array; ws: Float64Array; m: Float64Array } {
  const n = w.length;
  const ids = log.cluster;
  const index = new Map<number, number>();
  const unitOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!ids) {
      unitOf[i] = i;
      continue;
    }
    const id = ids[i] as number;
    let u = index.get(id);
    if (u === undefined) {
      u = index.size;
      index.set(id, u);
    }
    unitOf[i] = u;
  }
  const units = ids ? index.size : n;
  const wr = new Float64Array(units);
  const ws = new Float64Array(units);
  const m = new Float64Array(units);
  for (let i = 0; i < n; i++) {
    const u = unitOf[i] as number;
    const wi = w[i] as number;
    wr[u] = (wr[u] as number) + wi * (log.reward[i] as number);
    ws[u] = (ws[u] as number) + wi;
    m[u] = (m[u] as number) + 1;
  }
  return { wr, ws, m };
}

/**
 * A ratio ΣT/ΣD over independent units with its linearised (delta-method) standard error:
 * var = J/(J − 1) · Σⱼ (Tⱼ − value·Dⱼ)² / (ΣD)², J the number of units.
 */
function ratioEstimate(t: Float64Array, den: Float64Array, z: number): Estimate {
  const J = t.length;
  let st = 0;
  let sd = 0;
  for (let j = 0; j < J; j++) {
    st += t[j] as number;
    sd += den[j] as number;
  }
  if (sd <= 0) return { value: NaN, se: NaN, ci: [NaN, NaN] };
  const value = st / sd;
  let ss = 0;
  for (let j = 0; j < J; j++) ss += ((t[j] as number) - value * (den[j] as number)) ** 2;
  const se = J > 1 ? Math.sqrt((J / (J - 1)) * ss) / sd : NaN;
  return { value, se, ci: [value - z * se, value + z * se] };
}

/** IPS and SNIPS estimates of the new policy's reward per slot from a log with propensities. */
export function offPolicyEstimate(log: OffPolicyLog, level = 0.95): OffPolicyEstimate {
  const n = log.reward.length;
  if (n === 0) throw new RangeError('an empty log estimates nothing');
  if (log.cluster && log.cluster.length !== n) throw new RangeError('one cluster id per slot');
  if (!(level > 0 && level < 1)) throw new RangeError(`level ${level} is not in (0, 1)`);
  const w = importanceWeights(log.loggingProb, log.targetProb);
  if (w.length !== n) throw new RangeError('one reward per slot');
  for (let i = 0; i < n; i++) if (!Number.isFinite(log.reward[i] as number)) throw new RangeError(`slot ${i}: reward is not finite`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const { wr, ws, m } = unitSums(log, w);
  let weightSum = 0;
  let maxWeight = 0;
  let supported = 0;
  for (let i = 0; i < n; i++) {
    const v = w[i] as number;
    weightSum += v;
    if (v > maxWeight) maxWeight = v;
    if (v > 0) supported++;
  }
  return {
    n,
    units: wr.length,
    level,
    ips: ratioEstimate(wr, m, z),
    snips: ratioEstimate(wr, ws, z),
    weightSum,
    maxWeight,
    supported,
    ess: effectiveSampleSize(w),
  };
}
