// The slot plan sorts every batch's slots by column once; the gradients computed from it must be
// the ones computed by sorting on the fly, and both must equal the gradient written out by hand.
import { beforeAll, describe, expect, test } from 'vitest';
import type { SparseRows } from '../../src/lib/features/sparse.ts';
import { streamFor } from '../../src/lib/rng.ts';
import { buildSlotPlan, planSlots, slotPlanBytes, sortSlots } from './slot-plan.ts';
import { startBackend } from './backends.ts';
import { logregBatchGradient } from './train-logreg.ts';
import { sliceRows } from './synthetic.ts';
import type { Matrix } from './model.ts';

/** n rows of k slots over d columns (about 1 in 6 slots is padding) and q numerics in the last q columns. */
function randomRows(n: number, d: number, k: number, q: number, seed: string): SparseRows {
  const r = streamFor(seed, 'rows');
  const idx = new Int32Array(n * k);
  for (let s = 0; s < idx.length; s++) idx[s] = r.uniform() < 1 / 6 ? d : Math.floor(r.uniform() * (d - q));
  const num = Float32Array.from({ length: n * q }, () => r.uniform() * 2 - 1);
  return { n, d, k, q, idx, num, numCols: Int32Array.from({ length: q }, (_, j) => d - q + j) };
}

const X = randomRows(1000, 40, 5, 3, 'plan');

describe('sorting slots by column', () => {
  test('keeps every non-padding slot once, in column order, with its row', () => {
    const { rows, cols } = sortSlots(X, 100, 300);
    const expected: [number, number][] = [];
    for (let i = 100; i < 300; i++) for (let j = 0; j < X.k; j++) if (X.idx[i * X.k + j]! < X.d) expected.push([X.idx[i * X.k + j]!, i - 100]);
    // Counting sort is stable: within a column, rows ascend.
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(Array.from(cols)).toEqual(expected.map((e) => e[0]));
    expect(Array.from(rows)).toEqual(expected.map((e) => e[1]));
  });

  test("a plan's batch b equals sorting that batch on the fly, including the short last batch", () => {
    const plan = buildSlotPlan(X, 256)!;
    expect(plan.offsets.length).toBe(5); // 256, 256, 256, 232 rows
    for (let b = 0; b < 4; b++) {
      const direct = sortSlots(X, b * 256, Math.min(X.n, (b + 1) * 256));
      const planned = planSlots(plan, b);
      expect(Array.from(planned.rows)).toEqual(Array.from(direct.rows));
      expect(Array.from(planned.cols)).toEqual(Array.from(direct.cols));
    }
    expect(plan.bytes).toBeLessThanOrEqual(slotPlanBytes(X, 256));
  });

  test('a batch size past 16 bits has no plan (rows would not fit)', () => {
    expect(buildSlotPlan(X, 65_537)).toBeNull();
    expect(buildSlotPlan(X, 65_536)).not.toBeNull();
  });

  test('a plan over its byte cap is not built (batches are then sorted on the fly)', () => {
    const need = slotPlanBytes(X, 256);
    expect(buildSlotPlan(X, 256, need - 1)).toBeNull();
    expect(buildSlotPlan(X, 256, need)).not.toBeNull();
  });
});

describe('the logistic-regression gradient from a plan (wasm)', () => {
  beforeAll(async () => {
    expect(await startBackend('wasm')).toBeNull();
  });

  test('equals the on-the-fly sort and the hand-written sum Σ w·(σ(z) − y)·x', async () => {
    const r = streamFor('plan', 'labels');
    const m: Matrix = { x: X, n: X.n, d: X.d, y: Float32Array.from({ length: X.n }, () => (r.uniform() < 0.3 ? 1 : 0)), w: Float32Array.from({ length: X.n }, () => 0.5 + r.uniform()) };
    const wt = Float32Array.from({ length: X.d }, () => r.uniform() - 0.5);
    const bias = -0.3;
    const plan = buildSlotPlan(X, 500)!;
    const batch = sliceRows(m, 500, 1000);
    const fromPlan = await logregBatchGradient(batch, wt, bias, true, planSlots(plan, 1));
    const onTheFly = await logregBatchGradient(batch, wt, bias, true);
    // By hand, in float64.
    const hand = new Float64Array(X.d + 2);
    for (let i = 500; i < 1000; i++) {
      let z = bias;
      for (let j = 0; j < X.k; j++) if (X.idx[i * X.k + j]! < X.d) z += wt[X.idx[i * X.k + j]!]!;
      for (let j = 0; j < X.q; j++) z += X.num[i * X.q + j]! * wt[X.numCols[j]!]!;
      const p = 1 / (1 + Math.exp(-z));
      const res = m.w[i]! * (p - m.y[i]!);
      for (let j = 0; j < X.k; j++) if (X.idx[i * X.k + j]! < X.d) hand[X.idx[i * X.k + j]!]! += res;
      for (let j = 0; j < X.q; j++) hand[X.numCols[j]!]! += res * X.num[i * X.q + j]!;
      hand[X.d]! += res;
      hand[X.d + 1]! -= m.w[i]! * (m.y[i]! * Math.log(p) + (1 - m.y[i]!) * Math.log(1 - p));
    }
    expect(Array.from(fromPlan)).toEqual(Array.from(onTheFly));
    for (let c = 0; c < X.d + 2; c++) expect(fromPlan[c]!).toBeCloseTo(hand[c]!, 2);
  });
});
