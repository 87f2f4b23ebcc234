// Small helpers for the story tests: a minimal sparse feature encoder, weighted AUC and weighted means,
// and the reference learner (the plain-TypeScript logistic regression) wired to generated rows.
import { predictLogReg, trainLogReg, type LogRegModel, type LogRegOptions } from '../../src/lib/learn/logreg.ts';
import { generate, type GenerateOptions } from '../../src/lib/sim/generate.ts';
import { CATEGORIES, DEVICES, type Columns, type WorldParams } from '../../src/lib/sim/types.ts';
import { createWorld, DEFAULT_PARAMS, type World } from '../../src/lib/sim/world.ts';
import { auc } from '../../src/lib/metrics/curves.ts';
import type { SparseRows } from '../../src/lib/features/sparse.ts';

/** The five seeds every story property is checked on. */
export const SEEDS = ['clickcycle', 'seed-2', 'lisbon', 'ads-42', 'zeta'] as const;

/** Number of category codes. */
const K = CATEGORIES.length;

/** Which features the encoder writes. */
export interface FeatureSet {
  /** Include the 64 one-hots of the query×ad category cross. */
  cross: boolean;
}

/** Columns the encoder writes for a feature set. */
export function featureCount(fs: FeatureSet): number {
  return K + K + DEVICES.length + 3 + (fs.cross ? K * K : 0);
}

/**
 * Sparse feature rows: slots for the one-hots of query category, ad category, device (and the cross
 * cell); numerics intent, quality, log bid. Column layout: the three one-hot blocks, the numerics, the cross.
 */
export function encode(c: Columns, fs: FeatureSet): SparseRows {
  const d = featureCount(fs);
  const k = fs.cross ? 4 : 3;
  const f = 2 * K + DEVICES.length;
  const idx = new Int32Array(c.n * k);
  const num = new Float32Array(c.n * 3);
  for (let i = 0; i < c.n; i++) {
    const qc = c.queryCat[i] as number;
    const ac = c.adCat[i] as number;
    idx[i * k] = qc;
    idx[i * k + 1] = K + ac;
    idx[i * k + 2] = 2 * K + (c.device[i] as number);
    if (fs.cross) idx[i * k + 3] = f + 3 + qc * K + ac;
    num[i * 3] = (c.intent[i] as number) - 0.5;
    num[i * 3 + 1] = (c.quality[i] as number) - 0.5;
    num[i * 3 + 2] = Math.log(c.bid[i] as number) / 1.5;
  }
  return { n: c.n, d, k, idx, q: 3, num, numCols: Int32Array.of(f, f + 1, f + 2) };
}

/** Weighted ROC AUC from the metrics library (Mann–Whitney, ties count half); NaN with one class. */
export function weightedAuc(scores: Float32Array, labels: Uint8Array, weights: Float32Array): number {
  return auc(scores, labels, weights).value;
}

/** Weighted mean of values. */
export function weightedMean(values: ArrayLike<number>, weights: Float32Array): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < weights.length; i++) {
    s += (values[i] as number) * (weights[i] as number);
    w += weights[i] as number;
  }
  return s / w;
}

/** A world with default knobs except those given. */
export function world(seed: string, over: Partial<WorldParams> = {}): World {
  return createWorld({ ...DEFAULT_PARAMS, seed, ...over });
}

/** Rows of a stream. */
export function rows(w: World, opts: GenerateOptions): Columns {
  return generate(w, opts);
}

/** Default training knobs for the reference learner. */
export const TRAIN: LogRegOptions = { batchSize: 512, learningRate: 0.03, finalLearningRateFraction: 0.02, l2: 1e-5 };
/** Adam updates the reference learner takes at least (rare labels need thousands). */
export const MIN_STEPS = 4000;

/** Trains the reference learner on a block with the given labels and weights (enough epochs for MIN_STEPS updates). */
export function fit(c: Columns, fs: FeatureSet, labels: Uint8Array, weights: Float32Array = c.weight, opts: LogRegOptions = {}): LogRegModel {
  const batch = opts.batchSize ?? TRAIN.batchSize ?? 512;
  const epochs = Math.min(200, Math.max(6, Math.ceil(MIN_STEPS / Math.ceil(c.n / batch))));
  return trainLogReg(encode(c, fs), labels, weights, featureCount(fs), { ...TRAIN, epochs, ...opts });
}

/** The model's probabilities on a block. */
export function predict(model: LogRegModel, c: Columns, fs: FeatureSet): Float32Array {
  return predictLogReg(model, encode(c, fs));
}
