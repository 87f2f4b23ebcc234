// Training in Node on the cpu and wasm backends: loss falls, AUC is meaningful, runs are
// deterministic, nothing leaks (20 train cycles, a cancelled run), and a failing backend falls back.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tf } from '../../workers/lab/tf.ts';
import { startBackend } from '../../workers/lab/backends.ts';
import { fit, type FitOptions } from '../../workers/lab/train.ts';
import { predictTf } from '../../workers/lab/predict.ts';
import { predictPlain, weightedLogLoss } from '../../workers/lab/model.ts';
import { selfCheck, SELF_CHECK_TOLERANCE } from '../../workers/lab/selfcheck.ts';
import { sliceRows, syntheticMatrix } from '../../workers/lab/synthetic.ts';
import { auc } from '../../src/lib/metrics/curves.ts';
import { CancelledError } from '../../workers/lab/yield.ts';

/** 24k rows, 16 features, ~20% positives, plus an interaction only the MLP can use. */
const data = syntheticMatrix({ n: 24_000, d: 16, seed: 'u2', intercept: -1.5, interaction: 2 });
const train = sliceRows(data, 0, 20_000);
const val = sliceRows(data, 20_000, 24_000);
const LR: FitOptions = { model: 'logreg', hidden: [], epochs: 4, batchSize: 512, learningRate: 0.05, seed: 's1' };
const MLP: FitOptions = { model: 'mlp', hidden: [16, 8], epochs: 4, batchSize: 512, learningRate: 0.01, seed: 's1' };

/** Validation AUC of a fitted model. */
async function valAuc(weights: Parameters<typeof predictTf>[0]): Promise<number> {
  return auc(await predictTf(weights, val.x), Uint8Array.from(val.y)).value;
}

describe.each(['cpu', 'wasm'] as const)('training on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await startBackend(backend)).toBeNull();
    expect(tf.getBackend()).toBe(backend);
  });

  test("the backend passes the numeric self-check", async () => {
    expect(await selfCheck()).toBeLessThan(SELF_CHECK_TOLERANCE);
  });

  test('logistic regression: validation loss falls and AUC is far above chance', async () => {
    const r = await fit(train, val, LR);
    const losses = r.history.map((h) => h.valLoss);
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! - 1e-3);
    expect(r.history[r.history.length - 1]!.trainLoss).toBeLessThan(r.history[0]!.trainLoss);
    expect(await valAuc(r.weights)).toBeGreaterThan(0.75);
  });

  test('MLP: loss falls and it beats logistic regression on an interaction', async () => {
    const lr = await fit(train, val, LR);
    const r = await fit(train, val, MLP);
    expect(r.history[3]!.valLoss).toBeLessThan(r.history[0]!.valLoss);
    expect(await valAuc(r.weights)).toBeGreaterThan((await valAuc(lr.weights)) + 0.005);
  });

  test('the same seed gives the same weights; another seed does not', async () => {
    const a = await fit(train, null, { ...MLP, epochs: 1 });
    const b = await fit(train, null, { ...MLP, epochs: 1 });
    const c = await fit(train, null, { ...MLP, epochs: 1, seed: 's2' });
    expect(Array.from(a.weights.layers[0]!.W)).toEqual(Array.from(b.weights.layers[0]!.W));
    expect(Array.from(a.weights.layers[0]!.W)).not.toEqual(Array.from(c.weights.layers[0]!.W));
  });

  test('tfjs predictions match the plain-TypeScript forward pass', async () => {
    const r = await fit(train, null, { ...MLP, epochs: 1 });
    const a = await predictTf(r.weights, sliceRows(val, 0, 200).x);
    const b = predictPlain(r.weights, val.x, 0, 200);
    for (let i = 0; i < 200; i++) expect(a[i]!).toBeCloseTo(b[i]!, 5);
  });

  test('the output bias starts at the log-odds of the weighted base rate', async () => {
    const r = await fit(train, null, { ...LR, epochs: 1, learningRate: 0 });
    const rate = train.y.reduce((s, y) => s + y, 0) / train.n;
    expect(r.weights.layers[0]!.b[0]!).toBeCloseTo(Math.log(rate / (1 - rate)), 5);
  });

  test('keepBestEpoch returns the epoch with the lowest validation loss, not the last', async () => {
    // A wide MLP on 600 rows at a high learning rate overfits: validation loss turns up after a few epochs.
    const small = sliceRows(train, 0, 600);
    const r = await fit(small, val, { ...MLP, hidden: [64, 32], epochs: 12, batchSize: 64, learningRate: 0.03, keepBestEpoch: true });
    const losses = r.history.map((h) => h.valLoss);
    const bestEpoch = losses.indexOf(Math.min(...losses));
    expect(bestEpoch).toBeLessThan(losses.length - 1);
    const loss = weightedLogLoss(await predictTf(r.weights, val.x), val.y, val.w);
    expect(loss).toBeCloseTo(losses[bestEpoch]!, 5);
    expect(loss).toBeLessThan(losses[losses.length - 1]!);
  });

  test('no tensor or byte leaks across 20 train/dispose cycles', async () => {
    await fit(sliceRows(train, 0, 2000), val, { ...MLP, epochs: 1 });
    const before = tf.memory();
    for (let i = 0; i < 20; i++) {
      const o = i % 2 ? LR : MLP;
      await fit(sliceRows(train, 0, 2000), sliceRows(val, 0, 500), { ...o, epochs: 1, seed: `c${i}` });
    }
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });

  test('cancel stops a run within a fraction of a second and leaves no tensors', async () => {
    const before = tf.memory();
    let cancelled = false;
    const t0 = performance.now();
    let stoppedAt = 0;
    setTimeout(() => {
      cancelled = true;
      stoppedAt = performance.now();
    }, 150);
    await expect(fit(train, val, { ...MLP, epochs: 200 }, { cancelled: () => cancelled })).rejects.toBeInstanceOf(CancelledError);
    expect(performance.now() - stoppedAt).toBeLessThan(300);
    expect(performance.now() - t0).toBeLessThan(2000);
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });

  test('progress arrives at most ~10 times a second, with fraction rising to 1', async () => {
    const seen: number[] = [];
    const stamps: number[] = [];
    await fit(train, val, { ...MLP, epochs: 3 }, { onProgress: (p) => (seen.push(p.fraction), stamps.push(performance.now())) });
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 2; i < stamps.length - 1; i++) expect(stamps[i]! - stamps[i - 1]!).toBeGreaterThanOrEqual(95);
  });
});

describe('backend failure during training', () => {
  afterAll(async () => {
    await startBackend('cpu');
  });

  test('an injected fault on wasm falls back to cpu, finishes, and says so', async () => {
    expect(await startBackend('wasm')).toBeNull();
    const r = await fit(train, val, LR, {
      faultAtBatch: 50,
      fallback: async (failed) => (failed === 'wasm' && !(await startBackend('cpu')) ? 'cpu' : null),
    });
    expect(r.backend).toBe('cpu');
    expect(r.backendFallback).toMatch(/wasm failed .*cpu/);
    expect(r.history).toHaveLength(LR.epochs);
    expect(await valAuc(r.weights)).toBeGreaterThan(0.75);
  });

  test('without a fallback the failure is reported', async () => {
    await expect(fit(train, val, LR, { faultAtBatch: 3 })).rejects.toThrow(/injected fault/);
  });
});
