// A tiny numeric self-check of the active backend against the plain-TypeScript reference.
import { initWeights, predictPlain } from './model.ts';
import { predictTf } from './predict.ts';
import { streamFor } from '../../src/lib/rng.ts';
import { addGradient } from '../../src/lib/learn/logreg.ts';
import { syntheticMatrix } from './synthetic.ts';
import { logregBatchGradient } from './train-logreg.ts';

/** Largest tolerated relative error (float32 on a GPU accumulates differently from float64). */
export const SELF_CHECK_TOLERANCE = 2e-3;

/**
 * Largest relative error of the backend's logistic-regression gradient and MLP forward pass on a
 * small fixed problem, against the same computation in plain TypeScript.
 */
export async function selfCheck(): Promise<number> {
  const m = syntheticMatrix({ n: 96, d: 12, seed: 'self-check' });
  const rand = streamFor('self-check', 'weights');
  const wt = Float32Array.from({ length: m.d }, () => rand.normal() * 0.5);
  const got = await logregBatchGradient(m, wt, -0.3);
  const want = new Float64Array(m.d);
  const [gb, loss] = addGradient(m.x, m.y, m.w, wt, -0.3, null, 0, m.n, want);
  let err = 0;
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
  for (let j = 0; j < m.d; j++) err = Math.max(err, rel(got[j]!, want[j]!));
  err = Math.max(err, rel(got[m.d]!, gb), rel(got[m.d + 1]!, loss));
  const mlp = initWeights('mlp', m.d, [8, 4], 'self-check', -1);
  const pTf = await predictTf(mlp, m.x);
  const pPlain = predictPlain(mlp, m.x);
  for (let i = 0; i < m.n; i++) err = Math.max(err, rel(pTf[i]!, pPlain[i]!));
  return Number.isFinite(err) ? err : Infinity;
}
