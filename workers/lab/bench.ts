// Throughput measurements for the benchmark: time-boxed training steps on the active backend,
// the plain-TypeScript baseline on the same rows, and generation speed in this worker.
import { tf } from './tf.ts';
import type { BenchRow, ModelKind } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { baseLogit, initWeights, type Matrix } from './model.ts';
import { logregStepper } from './train-logreg.ts';
import { mlpStepper } from './train-mlp.ts';
import { sliceRows } from './synthetic.ts';
import { buildSlotPlan, planSlots } from './slot-plan.ts';
import { generateRows, worldFor } from './datasets.ts';
import { trainLogReg } from '../../src/lib/learn/logreg.ts';

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
 * over windows of ≥ WINDOW_MS and the mean over the whole run. The batches' slots are sorted by
 * column before the clock starts, as training does once per training set (slot-plan.ts).
 */
export async function benchFit(m: Matrix, model: ModelKind, hidden: number[], batchSize: number, budgetMs: number): Promise<BenchRow> {
  const init = initWeights(model, m.d, hidden, 'bench', baseLogit(m.y, m.w));
  const stepper = model === 'logreg' ? logregStepper(init) : mlpStepper(init);
  try {
    const bs = Math.min(m.n, batchSize);
    const plan = buildSlotPlan(m.x, bs);
    const slots = (s: number) => (plan ? planSlots(plan, Math.floor(s / bs)) : undefined);
    await stepper.step(sliceRows(m, 0, bs), weightOf(m, 0, bs), 0.01, slots(0));
    let examples = 0;
    let best = 0;
    let winExamples = 0;
    const t0 = performance.now();
    let winStart = t0;
    for (let s = bs; performance.now() - t0 < budgetMs; s += bs) {
      if (s + bs > m.n) s = 0;
      await stepper.step(sliceRows(m, s, s + bs), weightOf(m, s, s + bs), 0.01, slots(s));
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
 * The plain-TypeScript baseline: the reference logistic regression (src/lib/learn: sparse rows,
 * mini-batch Adam, no tfjs) on the same rows for the same time budget as the tfjs rows.
 */
export function benchPlain(m: Matrix, batchSize: number, budgetMs: number): BenchRow {
  const t0 = performance.now();
  const r = trainLogReg(m.x, m.y, m.w, m.d, { epochs: 1_000_000, batchSize, learningRate: 0.01, maxMillis: budgetMs, shuffle: false });
  const millis = performance.now() - t0;
  const mean = r.examples / (millis / 1000);
  return { backend: 'plain-ts', model: 'plain-ts', batchSize, examplesPerSec: r.examplesPerSec, meanExamplesPerSec: mean, examples: r.examples, millis };
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
