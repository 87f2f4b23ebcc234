// Scores a model on an evaluation set and fills an EvalReport with the metrics library.
import { evaluate } from '../../src/lib/metrics/index.ts';
import type { EvalReport } from '../lab-types.ts';
import type { EvalSet } from './evalsets.ts';
import { transformSparse } from '../../src/lib/features/sparse.ts';
import { viewColumns } from '../../src/lib/sim/columns.ts';
import type { ModelRecord } from './models.ts';
import { predictTf } from './predict.ts';

/** Rows featurised at a time when scoring (their sparse rows are ~2 MB). */
const SCORE_CHUNK = 65_536;

/** Probabilities of a model for every row of a set, featurised chunk by chunk (never the whole set at once). */
export async function scoreSet(m: ModelRecord, set: EvalSet): Promise<Float32Array> {
  const n = set.cols.n;
  const out = new Float32Array(n);
  for (let s = 0; s < n; s += SCORE_CHUNK) {
    const e = Math.min(n, s + SCORE_CHUNK);
    out.set(await predictTf(m.weights, transformSparse(m.features, viewColumns(set.cols, s, e))), s);
  }
  return out;
}

/** The full report of a model on a set (weighted by the set's example weights). */
export async function report(m: ModelRecord, set: EvalSet, pred?: Float32Array): Promise<EvalReport> {
  const p = pred ?? (await scoreSet(m, set));
  return reportOf(m, set.name, p, set.labels, set.cols.weight);
}

/** The full report from predictions, labels and weights already at hand (a training run's validation rows). */
export function reportOf(m: ModelRecord, split: string, pred: Float32Array, labels: Uint8Array, weights: Float32Array): EvalReport {
  return { modelId: m.id, split, ...evaluate(pred, labels, weights) };
}
