// Cancel stops step 12's long jobs for real, in the real serving worker: a click model cancelled
// mid-training ends neither done nor failed, the worker keeps no artifact and nothing is shipped,
// and the next training ships; a replay cancelled mid-way stops making days, shows none of them,
// and the next one makes the whole fortnight with the numbers of a replay never cancelled. The
// panels of step 6's relabelling and step 12's one go show a Cancel while they run, and it works.
import { afterEach, describe, expect, test } from 'vitest';
import { flushSync, mount, unmount, type ComponentProps } from 'svelte';
import { proxy, wrap, type Remote } from 'comlink';
import JobPanel from '../../src/components/JobPanel.svelte';
import step12Source from '../../src/steps/Step12Business.svelte?raw';
import step6Source from '../../src/steps/Step6Relabelled.svelte?raw';
import { ServingState, type ServingPorts } from '../../src/state/serving.svelte.ts';
import type { ServingApi } from '../../workers/serving.worker.ts';
import type { ServingLane } from '../../src/lib/lanes.ts';
import { LabelsState } from '../../src/state/labels.svelte.ts';
import type { LabApi } from '../support/lab-client.ts';
import type { RunHistory } from '../../src/state/runs.svelte.ts';
import { JobRunner } from '../../src/state/runner.ts';
import { sequenceOf, type JobView } from '../../src/state/job.svelte.ts';
import { closeAppDb, DB_NAME } from '../../src/state/db.ts';
import type { PolicyDay } from '../../src/lib/market/types.ts';
import type { ExportedModel } from '../../src/lib/lab/types.ts';
import type { ComparedDay } from '../../src/lib/serving/types.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';

const world: WorldParams = { ...DEFAULT_PARAMS, seed: 'cancel' };
/** The story's fortnight, with fewer queries a day and a shorter warm-up (quick, and still 14 days). */
const SMALL = { queriesPerDay: 1200, warmupDays: 7 };

const workers: Worker[] = [];
let mounted: Record<string, unknown> | null = null;
afterEach(async () => {
  if (mounted) unmount(mounted);
  mounted = null;
  document.body.innerHTML = '';
  for (const w of workers.splice(0)) w.terminate();
  await closeAppDb();
  await new Promise<void>((resolve) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    r.onsuccess = r.onerror = () => resolve();
  });
});

/** A real serving worker. */
function servingWorker(): Remote<ServingApi> {
  const w = new Worker(new URL('../../workers/serving.worker.ts', import.meta.url), { type: 'module', name: 'serving' });
  workers.push(w);
  return wrap<ServingApi>(w);
}

/** What the test sees of the worker behind a ServingState: the calls, the days and phases it reported, how its jobs ended. */
interface Seen {
  calls: string[];
  stages: string[];
  days: PolicyDay[];
  rejected: string[];
  /** Called on each replayed day and each phase of the click model, as the worker reports them. */
  onDay?: (k: number) => void;
  onStage?: (stage: string) => void;
}

/** A ServingState on a real worker (the small fortnight), recording what the worker did. */
function servingOnWorker(): { serving: ServingState; remote: Remote<ServingApi>; seen: Seen } {
  const remote = servingWorker();
  const seen: Seen = { calls: [], stages: [], days: [], rejected: [] };
  const record = async <T>(name: string, p: Promise<T>): Promise<T> => {
    seen.calls.push(name);
    try {
      return await p;
    } catch (e) {
      seen.rejected.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  };
  const api = {
    open: (w: WorldParams) => record('open', remote.open(w, SMALL)),
    snapshot: () => remote.snapshot(),
    run: (onDay: Parameters<ServingApi['run']>[0]) => record('run', remote.run(onDay)),
    stop: () => record('stop', remote.stop()),
    setSpeed: (v: number) => record('setSpeed', remote.setSpeed(v)),
    cancel: (lane: ServingLane) => record(`cancel ${lane}`, remote.cancel(lane)),
    shipClickModel: (reason: string) => record('shipClickModel', remote.shipClickModel(reason)),
    clickArtifact: () => remote.clickArtifact(),
    trainClickModel: (version: string, onProgress?: (f: number, stage: string) => void) =>
      record(
        'trainClickModel',
        remote.trainClickModel(
          version,
          proxy((f: number, stage: string) => {
            seen.stages.push(stage);
            onProgress?.(f, stage);
            seen.onStage?.(stage);
          }),
        ),
      ),
    replay: (onDay?: (d: PolicyDay, k: number) => void) =>
      record(
        'replay',
        remote.replay(
          proxy((d: PolicyDay, k: number) => {
            seen.days.push(d);
            onDay?.(d, k);
            seen.onDay?.(k);
          }),
        ),
      ),
  };
  const ports: ServingPorts = {
    serving: { gateway: () => api as unknown as Remote<ServingApi>, watch: () => () => undefined },
    exportModel: async () => {
      throw new Error('no lab in this test');
    },
  };
  return { serving: new ServingState(ports), remote, seen };
}

/** A session on the small fortnight with every live day served (the baseline serves: the log the click model learns from). */
async function servedFortnight(): Promise<ReturnType<typeof servingOnWorker>> {
  const s = servingOnWorker();
  await s.serving.ensure(world);
  await s.serving.setSpeed(0);
  expect(await s.serving.serve()).toBe(true);
  expect(s.serving.snapshot?.run).toBe('done');
  expect(s.serving.reports).toHaveLength(14);
  return s;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('cancel in the serving worker', () => {
  test('a click model cancelled mid-training ships nothing and keeps no artifact; the next training ships', async () => {
    const { serving, remote, seen } = await servedFortnight();
    const before = serving.snapshot!;
    expect(before.challenger).toBeNull();
    let cancelled: Promise<void> | null = null;
    seen.onStage = (stage) => {
      if (stage.startsWith('fitting') && !cancelled) cancelled = serving.cancelClick();
    };
    const first = serving.trainClick('v9');
    expect(serving.clickJob.status).toBe('running');
    expect(await first).toBeNull();
    await cancelled;
    // Neither done nor failed: back to nothing shown, with a note of what was stopped.
    expect(serving.clickJob.status).toBe('idle');
    expect(serving.clickJob.error).toBe('');
    expect(serving.clickJob.result).toBeNull();
    expect(serving.cancelNote('click')).toBe('Training of v9 cancelled: it was not shipped.');
    expect(serving.click).toBeNull();
    // The worker stopped at a break after the fit began, and kept nothing.
    expect(seen.calls).toContain('cancel click');
    expect(seen.rejected).toHaveLength(1);
    expect(seen.rejected[0]).toMatch(/^trainClickModel: click model v9 cancelled while (fitting|measuring|estimating)/);
    expect(seen.stages).not.toContain('finishing');
    expect(await remote.clickArtifact()).toBeNull();
    expect(seen.calls).not.toContain('shipClickModel');
    const after = (await remote.snapshot())!;
    expect(after.challenger).toBeNull();
    expect(after.champion).toEqual(before.champion);
    expect(after.deployments).toEqual(before.deployments);

    // Pressed again: it trains from the start and ships.
    seen.onStage = undefined;
    seen.stages.length = 0;
    const report = await serving.trainClick('v9');
    expect(report?.version).toBe('v9');
    expect(seen.stages.map((s) => s.split(' ')[0])).toEqual(['joining', 'fitting', 'measuring', 'estimating', 'finishing']);
    expect(serving.clickJob.status).toBe('done');
    expect(serving.cancelNote('click')).toBe('');
    expect(serving.click?.version).toBe('v9');
    expect(report!.trainRows).toBeGreaterThan(10_000);
    expect(serving.snapshot?.challenger).toEqual({ label: 'v9', role: 'ctr_policy' });
    expect(serving.snapshot?.deployments.map((d) => `${d.action} ${d.version}`)).toEqual(['ship v9']);
    expect((await remote.clickArtifact())?.version).toBe('v9');
  });

  test('a replay cancelled mid-way stops making days and shows none; the next one equals a replay never cancelled', async () => {
    const { serving, seen } = await servedFortnight();
    let cancelled: Promise<void> | null = null;
    seen.onDay = (k) => {
      if (k === 2 && !cancelled) cancelled = serving.cancelReplay();
    };
    const first = serving.replay();
    expect(serving.replayJob.status).toBe('running');
    expect(await first).toBe(false);
    await cancelled;
    // The worker stopped after the day in flight: fewer days than the fortnight, and none after that.
    expect(seen.rejected).toHaveLength(1);
    const made = Number(/^replay: replay cancelled after (\d+) of 14 days$/.exec(seen.rejected[0]!)?.[1]);
    expect(made).toBeGreaterThanOrEqual(3);
    expect(made).toBeLessThan(14);
    await sleep(300);
    expect(seen.days, 'the days the worker reported, and none after it stopped').toHaveLength(made);
    // Not a finished comparison: no day of it is shown, the job is neither done nor failed, and the note says so.
    expect(serving.replayDays).toEqual([]);
    expect(serving.replayJob.status).toBe('idle');
    expect(serving.replayJob.error).toBe('');
    expect(serving.cancelNote('replay')).toBe('Replay cancelled after 3 of 14 days: none of them is kept. Press Replay to run the fortnight again.');
    const partial = seen.days.splice(0);
    expect((partial as ComparedDay[]).some((d) => d.summary)).toBe(false);

    // Pressed again: the whole fortnight, whose first days are the cancelled replay's.
    expect(await serving.replay()).toBe(true);
    expect(serving.replayJob.status).toBe('done');
    expect(serving.cancelNote('replay')).toBe('');
    const full = serving.replayDays as ComparedDay[];
    expect(full.map((d) => d.day)).toEqual(Array.from({ length: 14 }, (_, i) => 104 + i));
    expect(full.at(-1)?.summary?.resamples).toBe(2000);
    expect(full.slice(0, made)).toEqual(partial);

    // The same numbers as a replay on a session that was never cancelled (same world, same seed).
    const fresh = servingWorker();
    await fresh.open(world, SMALL);
    await fresh.setSpeed(0);
    await fresh.run();
    const never = await fresh.replay();
    expect(never).toHaveLength(14);
    expect(full).toEqual(never);
  });
});

/** The opening tags of a source's job panels (each up to its closing '>', braces skipped). */
function jobPanelTags(source: string): string[] {
  const tags: string[] = [];
  for (let at = source.indexOf('<JobPanel'); at >= 0; at = source.indexOf('<JobPanel', at + 1)) {
    let depth = 0;
    for (let i = at; i < source.length; i++) {
      const c = source[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) {
        tags.push(source.slice(at, i + 1));
        break;
      }
    }
  }
  return tags;
}

/** The opening tag of the step's job panel named `name`. */
function openingTag(source: string, name: string): string {
  const tags = jobPanelTags(source).filter((t) => t.includes(`name="${name}"`));
  expect(tags, `one <JobPanel name="${name}">`).toHaveLength(1);
  return tags[0]!;
}

/** Mounts a job panel as the step does and returns it. */
function panel(props: ComponentProps<typeof JobPanel>): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  mounted = mount(JobPanel, { target, props });
  flushSync();
  return target.querySelector(`[data-job="${props.name}"]`)!;
}

function cancelButton(el: HTMLElement): HTMLButtonElement | undefined {
  return [...el.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
}

describe('the panels show a Cancel while they run', () => {
  test('every long job panel of steps 6 and 12 is given its cancel', () => {
    expect(openingTag(step6Source, 'relabel')).toContain('onCancel={() => labels.cancel()}');
    expect(openingTag(step12Source, 'serving')).toContain('onCancel={() => serving.cancelDeployAndServe()}');
    expect(openingTag(step12Source, 'click-model')).toContain('onCancel={() => serving.cancelClick()}');
    expect(openingTag(step12Source, 'replay')).toContain('onCancel={() => serving.cancelReplay()}');
  });

  test('step 6’s relabel panel: Cancel while the expert is asked drops the relabelling', async () => {
    const cancelledLanes: string[] = [];
    let answer: (v: unknown) => void = () => undefined;
    const lab = { relabel: () => new Promise((r) => (answer = r)) } as unknown as Remote<LabApi>;
    const lane = new JobRunner(async (l) => cancelledLanes.push(l)).lane('main');
    const labels = new LabelsState({} as RunHistory, lab, lane);
    const request = { ...world, rows: 20_000 };
    const relabelled = labels.relabel(request, 'd1', { slice: 'cell', positivesOnly: true });
    await sleep(0);
    const el = panel({ title: 'Relabel first', name: 'relabel', job: labels.relabelling, onCancel: () => labels.cancel() });
    expect(el.dataset.status).toBe('running');
    cancelButton(el)!.click();
    flushSync();
    answer({ datasetId: 'd2' });
    expect(await relabelled).toBeNull();
    expect(cancelledLanes).toEqual(['main']);
    expect(el.dataset.status).toBe('idle');
    expect(cancelButton(el)).toBeUndefined();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(labels.relabelledOf(request)).toBeUndefined();
  });

  test('step 12’s one-go panel: Cancel while the model ships stops before anything ships; a failure shows its message', async () => {
    const calls: string[] = [];
    let exported: (v: unknown) => void = () => undefined;
    const snap = { startDay: 90, days: 14, queriesPerDay: 3000, champion: { label: 'baseline', role: 'baseline' }, challenger: null, previous: [], run: 'idle', reports: [], deployments: [], gate: null, speed: 2 };
    const api = new Proxy(
      {},
      {
        get: (_, name: string) => async () => {
          calls.push(name);
          return name === 'open' || name === 'snapshot' ? snap : undefined;
        },
      },
    );
    let fail = '';
    let asked = 0;
    const ports: ServingPorts = {
      serving: { gateway: () => api as Remote<ServingApi>, watch: () => () => undefined },
      exportModel: () =>
        new Promise((resolve, reject) => {
          asked++;
          exported = fail ? () => reject(new Error(fail)) : (v) => resolve(v as ExportedModel);
        }),
    };
    /** Waits until the export was asked `n` times in all. */
    const exporting = async (n: number) => {
      while (asked < n) await sleep(5);
    };
    const serving = new ServingState(ports);
    const oneGo = (): JobView => sequenceOf([serving.deploy, serving.live]);
    const going = serving.deployAndServe('m1', 'fresh', world, 'test');
    await exporting(1);
    const el = panel({ title: 'Serve the impressions policy', name: 'serving', job: serving.deploy, onCancel: () => serving.cancelDeployAndServe() });
    expect(el.dataset.status).toBe('running');
    expect(oneGo().status).toBe('running');
    cancelButton(el)!.click();
    flushSync();
    exported({ modelId: 'm1' });
    expect(await going).toBe(false);
    await sleep(0);
    expect(el.dataset.status).toBe('idle');
    expect(oneGo().status).toBe('idle');
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(calls).not.toContain('ship');
    expect(calls).not.toContain('shadow');
    expect(calls).toContain('cancel');
    expect(serving.cancelNote('serving')).toBe('Cancelled before serving: no day was served.');

    // Pressed again, it starts afresh; this time the export fails, and the panel says why.
    fail = 'unknown model m1';
    const again = serving.deployAndServe('m1', 'fresh', world, 'test');
    await exporting(2);
    expect(serving.cancelNote('serving')).toBe('');
    exported(null);
    expect(await again).toBe(false);
    flushSync();
    expect(el.dataset.status).toBe('error');
    expect((el.querySelector('[role="alert"]') as HTMLElement).innerText).toBe('Failed: unknown model m1');
  });

  test('step 12’s one go cancelled while the days are served: serving stops, the days served stay, the panel is not done', async () => {
    const { serving, seen } = servingOnWorker();
    await serving.ensure(world);
    await serving.setSpeed(20);
    let cancelled: Promise<void> | null = null;
    const going = serving.serve();
    while (serving.reports.length < 2) await sleep(10);
    cancelled = serving.cancelDeployAndServe();
    expect(sequenceOf([serving.deploy, serving.live]).status).toBe('idle');
    expect(await going).toBe(false);
    await cancelled;
    expect(seen.calls).toContain('cancel live');
    const served = serving.reports.length;
    expect(served).toBeGreaterThanOrEqual(2);
    expect(served).toBeLessThan(14);
    expect(serving.snapshot?.run).toBe('stopped');
    expect(serving.live.status).toBe('idle');
    expect(serving.cancelNote('serving')).toBe(`Serving cancelled after ${served} of 14 days; the days served stay (resume them in step 11).`);
    await sleep(300);
    expect(serving.reports).toHaveLength(served);
  });
});
