// Nothing a job needs is lost to an eviction or a restart, in Chromium through the real supervised
// lab worker and the app's LabState: the memory budget never drops the dataset of a running job;
// a dataset dropped between two jobs, and a worker killed between two jobs, make the next Train
// rebuild the step-2 log from the link's settings (its panel says so) and complete.
import { afterAll, expect, test } from 'vitest';
import { LabState } from '../../src/state/lab.svelte.ts';
import { RunHistory, type RunStorePort } from '../../src/state/runs.svelte.ts';
import { createLabPort } from '../../src/state/lab-port.ts';
import { labClient } from '../support/lab-client.ts';
import { withTestHooks } from '../../src/state/lab-test-hooks.ts';
import { sharedLabWorker } from '../../src/state/lab-worker.ts';
import { REMAKING_DATA } from '../../src/state/lab-gone.ts';
import { defaultState } from '../../src/lib/url/params.ts';
import { trainConfigOf, worldOf } from '../../src/lib/url/lab-config.ts';

afterAll(() => sharedLabWorker().dispose());

/** A run history kept in memory (the test does not touch the page's IndexedDB). */
const memory: RunStorePort = {
  loadRuns: async () => ({ runs: [] }),
  saveRun: async () => undefined,
  clearRuns: async () => undefined,
};

/** Resolves once `f()` holds (polled every 20 ms), or fails after `ms`. */
async function until(what: string, f: () => boolean, ms = 120_000): Promise<void> {
  const t0 = performance.now();
  while (!f()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a held dataset survives a full budget; a dropped one and a killed worker are rebuilt by the next Train', async () => {
  // A small world (100,000 rows, 1% positives) so three trainings take seconds, one epoch each.
  const state = { ...defaultState(), rows: 100_000, skew: 0.01, epochs: 1 };
  const world = worldOf(state);
  const runs = new RunHistory(memory);
  const lab = new LabState(createLabPort(), runs);
  const hooks = withTestHooks(labClient());
  const place = { step: 'train' as const, role: 'noisy' as const, world };
  await lab.init('cpu');
  await lab.ensureDataset(world);
  const d1 = lab.dataset.result!.id;

  // 1. The budget sheds everything it may while training runs: the running job's dataset stays.
  // Thirty epochs for this one, so the job is still running (and holding d1) when the shed comes
  // on any machine: with one epoch a fast processor finished it between its first progress and the
  // shed, and the test then saw an unheld dataset go.
  const first = lab.train(trainConfigOf({ ...state, epochs: 30 }, d1, 'v1'), place);
  await until('the first training to run', () => lab.training.status === 'running' && lab.training.fraction > 0);
  const shedWhileRunning = await hooks.shedDatasets();
  expect(lab.training.fraction, 'the training was still running when the budget shed').toBeLessThan(1);
  expect(shedWhileRunning).not.toContain(d1);
  const r1 = await first;
  expect(lab.training.status, lab.training.error).toBe('done');
  expect(r1?.config.datasetId).toBe(d1);

  // 2. Between two jobs nothing holds it (once the test-stream evaluation that Train starts, which
  // holds the model and so its training data, has settled): it goes, and the next Train makes it
  // again and trains.
  await until('the test evaluation', () => lab.evaluation.status === 'done');
  expect(await hooks.shedDatasets()).toContain(d1);
  const stages: string[] = [];
  const second = lab.train(trainConfigOf(state, d1, 'v2'), place);
  await until('the second training to settle', () => {
    if (lab.training.status === 'running') stages.push(lab.training.stage);
    return lab.training.status !== 'running' && stages.length > 0;
  });
  const r2 = await second;
  await until('the second test evaluation', () => lab.evaluation.status === 'done');
  expect(lab.training.status, lab.training.error).toBe('done');
  expect(stages.some((s) => s.startsWith(REMAKING_DATA)), stages.slice(0, 5).join(' / ')).toBe(true);
  const d2 = lab.dataset.result!.id;
  expect(d2).not.toBe(d1);
  expect(r2?.config.datasetId).toBe(d2);
  // The same seed and settings make the same log: the rebuilt one has d1's summary.
  expect(lab.dataset.result!.rows).toBe(100_000);

  // 3. The worker is killed between two jobs: a fresh one takes over, and a Train that still names
  // the old dataset rebuilds it and completes.
  await hooks.breakWorker('throw').catch(() => undefined);
  await until('the supervisor to restart the worker', () => lab.restarts === 1, 30_000);
  await until('the backend of the fresh worker', () => lab.backend !== null, 60_000);
  const r3 = await lab.train(trainConfigOf(state, d2, 'v3'), place);
  expect(lab.training.status, lab.training.error).toBe('done');
  expect(r3).not.toBeNull();
  expect(r3!.history).toHaveLength(1);
  expect(r3!.config.datasetId).not.toBe(d2);
});
