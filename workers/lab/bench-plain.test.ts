// The bench's plain-TypeScript baselines do the tfjs steppers' work: same start, same updates, same
// losses on the same batches (tfjs on its cpu backend in Node), so their speeds compare like with like.
// Adam ignores a gradient's scale, so a gradient off by a constant factor passes here: the plain
// MLP's gradient itself is checked against finite differences in src/lib/learn/mlp.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from './tf.ts';
import { baseLogit, initWeights, type ModelWeights } from './model.ts';
import { sliceRows, syntheticMatrix } from './synthetic.ts';
import { logregStepper } from './train-logreg.ts';
import { mlpStepper } from './train-mlp.ts';
import { plainStepper } from './bench-plain.ts';
import type { Stepper } from './stepper.ts';

/** 640 rows of 12 columns (numerics and slot flags), weights 1. */
const data = syntheticMatrix({ n: 640, d: 12, seed: 'bench-plain', interaction: 2 });
const BATCH = 128;

/** Eight steps over the batches in order; the losses returned and the weights at the end. */
async function run(stepper: Stepper): Promise<{ losses: number[]; weights: ModelWeights }> {
  const losses: number[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      const s = (i * BATCH) % data.n;
      const batch = sliceRows(data, s, s + BATCH);
      losses.push(await stepper.step(batch, batch.w.reduce((a, v) => a + v, 0), 0.01));
    }
    return { losses, weights: await stepper.snapshot() };
  } finally {
    stepper.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['logreg', 'mlp'] as const)('plain-TypeScript %s baseline', (kind) => {
  it('takes the same steps as the tfjs stepper and computes the loss on the same batches', async () => {
    const init = initWeights(kind, data.d, [8, 4], 'bench', baseLogit(data.y, data.w));
    const tfjs = await run(kind === 'logreg' ? logregStepper(init) : mlpStepper(init));
    const plain = await run(plainStepper(init));
    // Logistic regression skips the loss on three batches of four; the MLP computes it on each.
    expect(plain.losses.map(Number.isNaN)).toEqual(tfjs.losses.map(Number.isNaN));
    expect(tfjs.losses.filter(Number.isNaN).length).toBe(kind === 'logreg' ? 6 : 0);
    plain.losses.forEach((l, i) => {
      if (!Number.isNaN(l)) expect(l).toBeCloseTo(tfjs.losses[i]!, 2);
    });
    // Float32 (tfjs) against float64 (plain) sums; Adam moves each parameter ≈ 0.01 a step, so 1e-4 is a hundredth of one step.
    let moved = 0;
    tfjs.weights.layers.forEach((l, i) => {
      const p = plain.weights.layers[i]!;
      l.W.forEach((v, j) => expect(Math.abs(p.W[j]! - v)).toBeLessThan(1e-4));
      l.b.forEach((v, j) => expect(Math.abs(p.b[j]! - v)).toBeLessThan(1e-4));
      l.W.forEach((v, j) => (moved += Math.abs(v - init.layers[i]!.W[j]!) > 0.01 ? 1 : 0));
    });
    // The runs did move the weights (the comparison is not between two untouched copies of the start).
    expect(moved).toBeGreaterThan(10);
  });
});
