// Throughput measurements for the benchmark: time-boxed training steps on the active backend,
// the plain-TypeScript baseline on the same matrix, and generation speed in this worker.
import { tf } from './tf.ts';
import type { BenchRow, ModelKind } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { baseLogit, initWeights, type Matrix } from './model.ts';
import { logregStepper } from './train-logreg.ts';
import { mlpStepper } from './train-mlp.ts';
import { sliceRows } from './synthetic.ts';
import { generateRows, worldFor } from './datasets.ts';

/** Sum of the example weights of rows [s, e). */
function weightOf(m: Matrix, s: number, e: number): number {
  let t = 0;
  for (let i = s; i < e; i++) t += m.w[i]!;
  return t;
}

/** Shortest timing window (ms) whose rate counts toward the best. */
const WINDOW_MS = 150;

/**
 * Examples/s of one model at one batch size on the active backend: one warm-up batch (kernel
 * compilation), then batches over the rows (wrapping around) for `budgetMs`; reports the best rate
 * over windows of ≥ WINDOW_MS and the mean over the whole run.
 */
export async function benchFit(m: Matrix, model: ModelKind, hidden: number[], batchSize: number, budgetMs: number): Promise<BenchRow> {
  const init = initWeights(model, m.d, hidden, 'bench', baseLogit(m.y, m.w));
  const stepper = model === 'logreg' ? logregStepper(init) : mlpStepper(init);
  try {
    const bs = Math.min(m.n, batchSize);
    await stepper.step(sliceRows(m, 0, bs), weightOf(m, 0, bs), 0.01);
    let examples = 0;
    let best = 0;
    let winExamples = 0;
    const t0 = performance.now();
    let winStart = t0;
    for (let s = bs; performance.now() - t0 < budgetMs; s += bs) {
      if (s + bs > m.n) s = 0;
      await stepper.step(sliceRows(m, s, s + bs), weightOf(m, s, s + bs), 0.01);
      examples += bs;
      winExamples += bs;
      const now = performance.now();
      if (now - winStart >= WINDOW_MS) {
        best = Math.max(best, winExamples / ((now - winStart) / 1000));
        winExamples = 0;
        winStart = now;
      }
    }
    const millis = performance.now() - t0;
    const mean = examples / (millis / 1000);
    return { backend: tf.getBackend(), model, batchSize, examplesPerSec: Math.max(best, mean), meanExamplesPerSec: mean, examples, millis };
  } finally {
    stepper.dispose();
  }
}

/**
 * The plain-TypeScript minibatch SGD over one pass of the same rows: the same dense gradient as the
 * tfjs step, in one fused loop over Float32Arrays (no loss computed, no tfjs).
 */
export function benchPlain(m: Matrix, batchSize: number): BenchRow {
  const { X, d, y, w } = m;
  const wt = new Float32Array(d);
  const g = new Float32Array(d);
  let b = baseLogit(y, w);
  const t0 = performance.now();
  for (let s = 0; s < m.n; s += batchSize) {
    const e = Math.min(m.n, s + batchSize);
    g.fill(0);
    let gb = 0;
    let wsum = 0;
    for (let i = s; i < e; i++) {
      const row = i * d;
      let z = b;
      for (let j = 0; j < d; j++) z += X[row + j]! * wt[j]!;
      const r = w[i]! * (1 / (1 + Math.exp(-z)) - y[i]!);
      for (let j = 0; j < d; j++) g[j] = g[j]! + r * X[row + j]!;
      gb += r;
      wsum += w[i]!;
    }
    const step = 0.01 / Math.max(wsum, 1e-12);
    for (let j = 0; j < d; j++) wt[j] = wt[j]! - step * g[j]!;
    b -= step * gb;
  }
  const millis = performance.now() - t0;
  const rate = m.n / (millis / 1000);
  return { backend: 'plain-ts', model: 'plain-ts', batchSize, examplesPerSec: rate, meanExamplesPerSec: rate, examples: m.n, millis };
}

/** Timed runs of the generation benchmark (after one warm-up); the best is reported, as in Node. */
const GENERATE_REPEATS = 3;

/** Rows/s of generating `rows` candidate rows of a world in this worker, the way datasets are made. */
export async function benchGenerate(params: WorldParams, rows: number): Promise<{ rows: number; millis: number; rowsPerSec: number }> {
  const world = worldFor(params);
  await generateRows(world, { rows: Math.min(rows, 200_000), stream: 'bench-warmup' });
  let best = Infinity;
  let n = 0;
  for (let r = 0; r < GENERATE_REPEATS; r++) {
    const t0 = performance.now();
    n = (await generateRows(world, { rows, stream: `bench-${r}` })).n;
    best = Math.min(best, performance.now() - t0);
  }
  return { rows: n, millis: best, rowsPerSec: n / (best / 1000) };
}
