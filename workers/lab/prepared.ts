// Training matrices: a seeded train/validation split of a dataset, featurised once and cached
// (one entry: a 1M-row matrix is hundreds of MB), so a retrain with other model settings is quick.
import type { Columns } from '../../src/lib/sim/types.ts';
import type { FeatureToggles } from '../lab-types.ts';
import type { Dataset } from './datasets.ts';
import { fitToggles, transform, type FittedFeatures } from './featurize.ts';
import type { Matrix } from './model.ts';
import { range, rngFor, shuffle } from './rng.ts';

/** A dataset split and featurised for training. */
export interface Prepared {
  key: string;
  features: FittedFeatures;
  /** Training rows in random order. */
  train: Matrix;
  val: Matrix;
  valRows: Uint32Array;
  millis: number;
}

let cached: Prepared | null = null;

/** Labels and weights of the given rows as float32 vectors. */
function labelsOf(c: Columns, rows: Uint32Array): { y: Float32Array; w: Float32Array } {
  const y = new Float32Array(rows.length);
  const w = new Float32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    y[k] = c.label[rows[k]!]!;
    w[k] = c.weight[rows[k]!]!;
  }
  return { y, w };
}

/** Splits with `seed`, fits the features on the training rows only, and builds both matrices. */
export function prepare(ds: Dataset, toggles: FeatureToggles, seed: string, validationFraction: number): Prepared {
  const key = JSON.stringify([ds.id, toggles, seed, validationFraction]);
  if (cached?.key === key) return cached;
  cached = null;
  const t0 = performance.now();
  const c = ds.cols;
  const perm = shuffle(range(c.n), rngFor(seed, 'split'));
  const nVal = Math.min(c.n - 1, Math.max(0, Math.round(c.n * validationFraction)));
  const valRows = perm.slice(0, nVal);
  const trainRows = perm.subarray(nVal);
  const features = fitToggles(toggles, ds.world, c, trainRows);
  const tr = transform(features, c, trainRows);
  const va = transform(features, c, valRows);
  cached = {
    key,
    features,
    train: { X: tr.X, n: tr.n, d: tr.d, ...labelsOf(c, trainRows) },
    val: { X: va.X, n: va.n, d: va.d, ...labelsOf(c, valRows) },
    valRows,
    millis: performance.now() - t0,
  };
  return cached;
}

/** Drops the cached matrices (frees their memory). */
export function clearPrepared(): void {
  cached = null;
}
