// Scores a model on an evaluation set and fills an EvalReport with the metrics library.
import { evaluate } from '../../src/lib/metrics/index.ts';
import type { EvalReport } from '../lab-types.ts';
import type { EvalSet } from './evalsets.ts';
import { transform } from './featurize.ts';
import type { ModelRecord } from './models.ts';
import { predictTf } from './predict.ts';

/** Probabilities of a model for every row of a set. */
export async function scoreSet(m: ModelRecord, set: EvalSet): Promise<Float32Array> {
  const f = transform(m.features, set.cols);
  return predictTf(m.weights, f.X, f.n, f.d);
}

/** The full report of a model on a set (weighted by the set's example weights). */
export async function report(m: ModelRecord, set: EvalSet, pred?: Float32Array): Promise<EvalReport> {
  const p = pred ?? (await scoreSet(m, set));
  return { modelId: m.id, split: set.name, ...evaluate(p, set.labels, set.cols.weight) };
}
