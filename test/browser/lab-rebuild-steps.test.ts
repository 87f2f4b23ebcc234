// Steps 5–10's jobs never fail for a dataset or model the lab worker lost, in Chromium through the
// real supervised lab worker and the app's LabState, LabelsState and DriftState: the worker is
// killed between two jobs, and the next job (step 5's suspects, step 6's gold report and its
// relabelled training, step 9's drift report) makes again what it names — the step-2 log, the
// step-4 model, the relabelled data, the stale model — from the link's settings, says so in its
// panel, and completes; a dataset the budget drops between two jobs is made again too.
import { afterAll, expect, test } from 'vitest';
import { LabState } from '../../src/state/lab.svelte.ts';
import { LabelsState } from '../../src/state/labels.svelte.ts';
import { DriftState } from '../../src/state/drift.svelte.ts';
import { RunHistory, type RunStorePort } from '../../src/state/runs.svelte.ts';
import { createLabPort } from '../../src/state/lab-port.ts';
import { labClient } from '../support/lab-client.ts';
import { withTestHooks } from '../../src/state/lab-test-hooks.ts';
import { sharedLabWorker } from '../../src/state/lab-worker.ts';
import type { Job } from '../../src/state/job.svelte.ts';
import { defaultState } from '../../src/lib/url/params.ts';
import { trainConfigOf, worldOf } from '../../src/lib/url/lab-config.ts';

afterAll(() => sharedLabWorker().dispose());

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

/** Runs `start` and records the stages its job shows while it runs (polled every 10 ms). */
async function watched<T>(job: Job<unknown>, start: () => Promise<T>): Promise<{ out: T; stages: string[] }> {
  const stages: string[] = [];
  let settled = false;
  const poll = (async () => {
    while (!settled) {
      if (job.status === 'running' && stages.at(-1) !== job.stage) stages.push(job.stage);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const out = await start();
  settled = true;
  await poll;
  return { out, stages };
}

const REBUILDING = /^the lab no longer holds /;

test('steps 5, 6 and 9: a job after a restart or an eviction makes again what it names and completes', async () => {
  // A small world (100,000 rows, 1% positives, one epoch) so each rebuild takes seconds.
  const state = { ...defaultState(), rows: 100_000, skew: 0.01, epochs: 1 };
  const world = worldOf(state);
  const runs = new RunHistory(memory);
  const lab = new LabState(createLabPort(), runs);
  const labels = new LabelsState(runs, labClient(), lab.jobs.lane('main'), lab.rebuild);
  const drift = new DriftState(labClient(), lab.jobs.lane('main'), lab.rebuild);
  const hooks = withTestHooks(labClient());
  let lost = 0;
  const restart = async () => {
    await hooks.breakWorker('throw').catch(() => undefined);
    lost++;
    await until('the supervisor to restart the worker', () => lab.restarts === lost, 30_000);
    await until('the backend of the fresh worker', () => lab.backend !== null, 60_000);
  };
  await lab.init('cpu');
  await lab.ensureDataset(world);
  const d1 = lab.dataset.result!.id;
  await lab.train(trainConfigOf(state, d1, 'v1'), { step: 'train', role: 'noisy', world });
  await until('the test evaluation', () => lab.evaluation.status === 'done');
  const noisy = runs.forRole('noisy')!;
  expect(noisy.modelId).not.toBe('');

  // Step 5: the budget dropped the step-2 log between two jobs: Find suspects makes it again.
  expect(await hooks.shedDatasets()).toContain(d1);
  const s5 = await watched(labels.suspects, () => labels.findSuspects(noisy.config, 3));
  expect(labels.suspects.status, labels.suspects.error).toBe('done');
  expect(s5.out!.suspects).toBeGreaterThan(0);
  expect(s5.stages.some((s) => REBUILDING.test(s)), s5.stages.join(' / ')).toBe(true);

  // Step 6: the worker is killed; the step-4 model's gold report trains it again (on the log the
  // fresh worker made) and completes.
  await restart();
  const g = await watched(labels.gold, () => labels.measureGold(noisy.modelId));
  expect(labels.gold.status, labels.gold.error).toBe('done');
  expect(g.out!.auc.value).toBeGreaterThan(0.5);
  expect(g.stages.some((s) => s.startsWith('the lab no longer holds model v1')), g.stages.join(' / ')).toBe(true);

  // Step 6's relabelled model, then a restart: training on the relabelled data makes the data again
  // (relabelling the rebuilt step-2 log) and completes.
  const rl = await labels.buildRelabelled(world, noisy);
  expect(labels.training.status, labels.training.error).toBe('done');
  expect(rl).not.toBeNull();
  const relabelled = labels.relabelledOf(world)!;
  await restart();
  const t6 = await watched(labels.training, () => labels.train({ ...noisy.config, datasetId: relabelled.datasetId }, 'relabelled', 'relabelled', world));
  expect(labels.training.status, labels.training.error).toBe('done');
  expect(t6.out!.history).toHaveLength(1);
  expect(t6.stages.some((s) => s.startsWith('the lab no longer holds the relabelled data')), t6.stages.join(' / ')).toBe(true);
  expect(labels.gold.status, labels.gold.error).toBe('done');
  // The same seed and settings train the same model: its gold AUC is the one before the restart.
  expect(labels.goldOf(t6.out!.modelId)!.auc.value).toBeCloseTo(labels.goldOf(rl!.modelId)!.auc.value, 9);

  // Step 9: the stale model is trained and scored per day; after a restart its drift report trains
  // it again on days 0–44 of the same world and completes.
  await drift.evaluatePerDay(world, runs, 'drift');
  expect(drift.perDay.status, drift.perDay.error).toBe('done');
  await restart();
  const r9 = await watched(drift.report, () => drift.openReport(world, runs, 'drift'));
  expect(drift.report.status, drift.report.error).toBe('done');
  expect(drift.report.result).not.toBeNull();
  expect(r9.stages.some((s) => REBUILDING.test(s)), r9.stages.join(' / ')).toBe(true);
  // No job said "unknown …" on the way.
  for (const j of [labels.suspects, labels.gold, labels.training, drift.perDay, drift.report]) expect(j.error).toBe('');
});
