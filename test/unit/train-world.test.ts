// The story retrain on the default simulated world, in Node on the cpu backend: the worker's own
// modules (dataset → features → training → weighted evaluation streams), without the comlink shell.
import { beforeAll, expect, test } from 'vitest';
import { tf } from '../../workers/lab/tf.ts';
import { startBackend } from '../../workers/lab/backends.ts';
import { createDataset, getDataset } from '../../workers/lab/datasets.ts';
import { runTraining } from '../../workers/lab/train-job.ts';
import { getModel } from '../../workers/lab/models.ts';
import { evalSet } from '../../workers/lab/evalsets.ts';
import { report } from '../../workers/lab/evaluate.ts';
import { summarize } from '../../workers/lab/summary.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../src/lib/lab/types.ts';
import { memoryReport } from '../../workers/lab/memory.ts';
import { STORY_BUDGET_BYTES } from '../../src/lib/lab/budget.ts';

let config: TrainConfig;

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
  const ds = await createDataset({ params: DEFAULT_PARAMS, rows: 1_000_000 });
  config = { ...DEFAULT_TRAIN_CONFIG, datasetId: ds.id };
}, 60_000);

test('the dataset summary has counts, histograms and readable sample rows of both labels', () => {
  const s = summarize(getDataset(config.datasetId), 0);
  expect(s.rows).toBe(1_000_000);
  expect(s.positiveRate).toBeGreaterThan(5e-5);
  expect(s.positiveRate).toBeLessThan(1e-3);
  expect(s.sample.length).toBe(20);
  expect(s.sample.some((r) => r.label === 1)).toBe(true);
  expect(s.sample[0]!.query.length).toBeGreaterThan(3);
  expect(s.histograms.find((h) => h.column === 'queryCat')!.counts.reduce((a, b) => a + b, 0)).toBeCloseTo(1_000_000, 0);
});

test('the default story retrain learns relevance: test-stream AUC above 0.88, loss falls, calibrated', async () => {
  const before = tf.memory();
  const r = await runTraining(config, {});
  expect(r.history[r.history.length - 1]!.valLoss).toBeLessThan(r.history[0]!.valLoss);
  // The loss chart's curve: points by batch count (about 20 an epoch: 49 batches of 16,384 over 800,000
  // training rows, one every 3rd batch and the last, so 17 an epoch), in order, ending at the last epoch.
  const curve = r.curve ?? [];
  expect(curve.length).toBeGreaterThanOrEqual(10 * config.epochs);
  expect(curve.every((p, i) => i === 0 || p.epoch > curve[i - 1]!.epoch)).toBe(true);
  expect(curve.at(-1)!.epoch).toBeCloseTo(config.epochs, 12);
  expect(curve.every((p) => Number.isFinite(p.trainLoss) && p.trainLoss > 0)).toBe(true);
  expect(r.validation.auc.value).toBeGreaterThan(0.85);
  const m = getModel(r.modelId);
  const test = await report(m, await evalSet(m, 'test'));
  expect(test.positives).toBeGreaterThan(500);
  expect(test.auc.value).toBeGreaterThan(0.88);
  expect(test.calibration.value).toBeGreaterThan(0.7);
  expect(test.calibration.value).toBeLessThan(1.4);
  expect(tf.memory().numTensors).toBe(before.numTensors);
  // Everything the worker holds for steps 1–4 at the story's defaults: the log, its sparse features, the model, the test stream.
  const held = memoryReport();
  expect(held.heldBytes).toBeLessThanOrEqual(STORY_BUDGET_BYTES);
  expect(held.caches!.find((c) => c.name === 'features')!.bytes).toBeLessThan(48 * 2 ** 20);
}, 60_000);

test('a fixed seed on a fixed backend reproduces the run exactly', async () => {
  const a = await runTraining({ ...config, epochs: 1 }, {});
  const b = await runTraining({ ...config, epochs: 1 }, {});
  expect(b.history).toEqual(a.history);
  expect(b.validation.auc.value).toBe(a.validation.auc.value);
}, 60_000);
