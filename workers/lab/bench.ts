// Throughput measurements for the benchmark: time-boxed training steps on the active backend and
// of the plain-TypeScript baselines on the same rows, and generation speed in this worker.
import { tf } from './tf.ts';
import type { BenchRow, ModelKind } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { baseLogit, initWeights, type Matrix } from './model.ts';
import { logregStepper } from './train-logreg.ts';
import { mlpStepper } from './train-mlp.ts';
import { sliceRows } from './synthetic.ts';
import { buildSlotPlan, planSlots } from './slot-plan.ts';
import { generateRows, worldFor } from './datasets.ts';
import { lossEvery, plainStepper } from './bench-plain.ts';

/** Sum of the example weights of rows [s, e). */
function weightOf(m: Matrix, s: number, e: number): number {
  let t = 0;
  for (let i = s; i < e; i++) t += m.w[i]!;
  return t;
}

/** Untimed steps before the clock starts (JIT, kernel compilation): at least one batch and this long (ms). */
const WARMUP_MS = 150;
/** Shortest timing window (ms) of the median reported beside the mean. */
const WINDOW_MS = 150;
/** The learning rate of every timed step. */
const BENCH_LR = 0.01;

/** Who runs the steps: the active tfjs backend, or the plain-TypeScript baseline of the same model. */
export type BenchSide = 'tfjs' | 'plain-ts';

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Examples/s of one model at one batch size, on the active backend or in plain TypeScript: both
 * sides start from the same weights and run the same loop over the same rows (wrapping around), an
 * untimed warm-up then steps for `budgetMs`. Reports the mean over the timed run and, beside it, the
 * median over its windows of ≥ WINDOW_MS. The tfjs batches' slots are sorted by column before the
 * clock starts, as training does once per training set (slot-plan.ts); plain TypeScript needs none.
 */
export async function benchFit(m: Matrix, side: BenchSide, model: ModelKind, hidden: number[], batchSize: number, budgetMs: number): Promise<BenchRow> {
  const init = initWeights(model, m.d, hidden, 'bench', baseLogit(m.y, m.w));
  const stepper = side === 'plain-ts' ? plainStepper(init) : model === 'logreg' ? logregStepper(init) : mlpStepper(init);
  try {
    const bs = Math.min(m.n, batchSize);
    const plan = side === 'tfjs' ? buildSlotPlan(m.x, bs) : null;
    const slots = (s: number) => (plan ? planSlots(plan, Math.floor(s / bs)) : undefined);
    let s = 0;
    const step = async () => {
      if (s + bs > m.n) s = 0;
      await stepper.step(sliceRows(m, s, s + bs), weightOf(m, s, s + bs), BENCH_LR, slots(s));
      s += bs;
    };
    const w0 = performance.now();
    do await step();
    while (performance.now() - w0 < WARMUP_MS);
    let examples = 0;
    let winExamples = 0;
    const windows: number[] = [];
    const t0 = performance.now();
    let winStart = t0;
    while (performance.now() - t0 < budgetMs) {
      await step();
      examples += bs;
      winExamples += bs;
      const now = performance.now();
      if (now - winStart >= WINDOW_MS) {
        windows.push(winExamples / ((now - winStart) / 1000));
        winExamples = 0;
        winStart = now;
      }
    }
    const millis = performance.now() - t0;
    const mean = examples / (millis / 1000);
    const backend = side === 'plain-ts' ? 'plain-ts' : tf.getBackend();
    return { backend, model, batchSize, examplesPerSec: mean, windowMedianExamplesPerSec: windows.length ? median(windows) : mean, windows: windows.length, lossEvery: lossEvery(model), examples, millis };
  } finally {
    stepper.dispose();
  }
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
