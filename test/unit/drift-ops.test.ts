// Steps 9–10's worker operations in Node on the cpu backend: a window model remembers its days,
// AUC per day covers every later day and agrees with the yesterday stream on day 89, the drift
// report carries every feature with a known measure, and a cancelled freshness job stops.
import { beforeAll, expect, test } from 'vitest';
import { tf } from '../../workers/lab/tf.ts';
import { startBackend } from '../../workers/lab/backends.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { trainWindow } from '../../workers/lab/window.ts';
import { staleEval, driftApi } from '../../workers/lab/drift-api.ts';
import { aucPerDay } from '../../workers/lab/perday.ts';
import { driftReport, DRIFT_FEATURES } from '../../workers/lab/drift.ts';
import { freshness } from '../../workers/lab/freshness.ts';
import { getModel, modelInfos, removeModel } from '../../workers/lab/models.ts';
import { CancelledError } from '../../workers/lab/yield.ts';

const never = () => false;
const params = { ...DEFAULT_PARAMS, seed: 'drift-ops' };
let modelId = '';

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
  modelId = (await trainWindow({ params, days: [0, 44] }, {})).modelId;
}, 120_000);

test('a window model remembers its days; the worker tells them, or null for an unknown model', () => {
  expect(getModel(modelId).days).toEqual([0, 44]);
  expect(driftApi.modelDays(modelId)).toEqual([0, 44]);
  expect(driftApi.modelDays('nope')).toBeNull();
});

test('AUC per day: days 45–89, day 89 equal to the yesterday report, no tensors left behind', async () => {
  const before = tf.memory().numTensors;
  const days = await aucPerDay(getModel(modelId), never);
  expect(days.map((d) => d.day)).toEqual(Array.from({ length: 45 }, (_, i) => 45 + i));
  for (const d of days) expect(d.positives).toBeGreaterThan(5);
  const e = await staleEval(modelId, never);
  expect(days.at(-1)!.auc.value).toBeCloseTo(e.yesterday.auc.value, 12);
  expect(e.oldTest!.positives).toBeGreaterThan(300);
  expect(tf.memory().numTensors).toBe(before);
}, 120_000);

test('the drift report covers every feature, the target, the prediction and the positives’ cells', async () => {
  const r = await driftReport(getModel(modelId), never);
  expect(r.features.map((f) => f.name)).toEqual(DRIFT_FEATURES.map((f) => f.name));
  for (const c of [...r.features, r.target, r.prediction, r.positivesCross]) {
    expect(['psi', 'ks_p', 'chi2_p', 'js', 'wasserstein']).toContain(c.metric);
    expect(c.labels.length).toBe(c.reference.length);
    expect(c.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(c.current.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  }
  expect(r.count).toBe(r.features.filter((f) => f.drifted).length);
  expect(r.share).toBeCloseTo(r.count / r.features.length, 12);
}, 120_000);

test('a cancelled freshness job stops with CancelledError and leaves no model behind', async () => {
  const held = modelInfos().length;
  const t0 = performance.now();
  let flag = false;
  setTimeout(() => (flag = true), 300);
  await expect(freshness(params, () => flag)).rejects.toBeInstanceOf(CancelledError);
  expect(performance.now() - t0).toBeLessThan(15_000);
  expect(modelInfos().length).toBe(held);
  removeModel(modelId);
}, 60_000);
