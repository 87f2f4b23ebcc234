// The workers' supervisor in Chromium, on the lab worker: an uncaught error in the worker and a
// worker that hangs are both noticed, the calls in flight reject with WorkerLostError, a fresh
// worker answers (after a backoff from the second death on), and a worker that keeps dying is not
// restarted forever. On the serving worker: killed mid-fortnight, the session comes back from
// storage in a fresh worker, the live run says so, and Resume serving finishes the fortnight.
import { afterAll, describe, expect, test } from 'vitest';
import { LabWorker, WorkerLostError } from '../../src/state/lab-worker.ts';
import { withTestHooks } from '../../src/state/lab-test-hooks.ts';
import { ServingWorker } from '../../src/state/serving-worker.ts';
import { ServingState } from '../../src/state/serving.svelte.ts';
import { closeAppDb, DB_NAME } from '../../src/state/db.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';

const w = new LabWorker();
const lost: string[] = [];
w.watch({ lost: (reason) => lost.push(reason) });
afterAll(() => w.dispose());

/** Waits until `n` deaths were reported (or throws after `ms`: the rule's own bound plus slack). */
async function deaths(n: number, ms = 30_000): Promise<void> {
  const t0 = performance.now();
  while (lost.length < n) {
    if (performance.now() - t0 > ms) throw new Error(`only ${lost.length} deaths reported`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('an uncaught error in the worker: noticed, a fresh worker answers', async () => {
  expect((await w.call((lab) => lab.init('cpu'))).backend).toBe('cpu');
  expect(w.incarnation).toBe(1);
  await w.call((lab) => withTestHooks(lab).breakWorker('throw'));
  await deaths(1);
  expect(lost[0]).toMatch(/uncaught error \(.*injected crash/);
  expect(w.incarnation).toBe(2);
  expect((await w.call((lab) => lab.ping())).running).toBeNull();
});

// The rule, not this machine's speed: death is declared once the worker was silent for the stall
// timeout (8× the slowest heartbeat seen, at least minStallMs), never before it. A heartbeat that
// took 27 s under load makes that timeout 216 s, so the wait is bounded by the timeout read when the
// worker hangs (plus slack for a starved page), not by a fixed 30 s; a worker whose hang goes
// unnoticed still fails the wait, and one declared dead too early fails the lower bound.
test('a worker that hangs: the heartbeat notices the silence and the call in flight rejects', { timeout: 600_000 }, async () => {
  w.minStallMs = 1500;
  await w.call((lab) => withTestHooks(lab).breakWorker('hang'));
  const hungAt = performance.now();
  const stall = w.stallTimeoutMs;
  const pending = w.call((lab) => lab.init('cpu'));
  await expect(pending).rejects.toBeInstanceOf(WorkerLostError);
  const noticedAfter = performance.now() - hungAt;
  await deaths(2, stall + 60_000);
  expect(lost[1]).toMatch(/stopped answering/);
  expect(noticedAfter).toBeGreaterThanOrEqual(stall - 50);
  expect((await w.call((lab) => lab.init('cpu'))).backend).toBe('cpu');
  expect(w.incarnation).toBe(3);
});

test('a worker that keeps dying is given up on, with the reason', async () => {
  for (let i = 0; i < 2; i++) {
    await w.call((lab) => withTestHooks(lab).breakWorker('throw'));
    await deaths(3 + i);
  }
  expect(w.givenUp).toMatch(/failed 4 times within a minute/);
  await expect(w.call((lab) => lab.ping())).rejects.toBeInstanceOf(WorkerLostError);
});

describe('the serving worker under the same supervisor', () => {
  const world: WorldParams = { ...DEFAULT_PARAMS, seed: 'supervised' };
  /** The story's fortnight, with fewer queries a day and a shorter warm-up (quick, and still 14 days). */
  const SMALL = { queriesPerDay: 1200, warmupDays: 7 };
  const s = new ServingWorker();
  afterAll(async () => {
    s.dispose();
    await closeAppDb();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(DB_NAME);
      r.onsuccess = r.onerror = () => resolve();
    });
  });

  test('killed mid-fortnight: the live run says so, the days saved come back in a fresh worker, and Resume serving finishes', async () => {
    const gw = s.gateway();
    // The small fortnight: the session opens with fewer queries a day (every other call as it is).
    const small = new Proxy(gw, { get: (t, op) => (op === 'open' ? (w: WorldParams) => t.open(w, SMALL) : t[op as keyof typeof t]) });
    const serving = new ServingState({ serving: { gateway: () => small, watch: (l) => s.watch(l) }, exportModel: () => Promise.reject(new Error('no lab here')) });
    await serving.ensure(world);
    expect(s.incarnation).toBe(1);
    await serving.setSpeed(5);
    const run = serving.serve();
    while (serving.reports.length < 3) await new Promise((r) => setTimeout(r, 20));
    s.minStallMs = 1000;
    s.worker.terminate();
    expect(await run).toBe(false);
    const before = serving.reports.length;
    // Restored from storage in the fresh worker: the live run failed with what happened and how to go on.
    while (serving.live.status !== 'error') await new Promise((r) => setTimeout(r, 20));
    expect(s.incarnation).toBe(2);
    expect(serving.restarts).toBe(1);
    expect(serving.live.error).toMatch(/^The serving worker stopped \(it stopped answering for \d+ s\)\. A fresh one was started .*; press Resume serving to go on\.$/);
    expect(serving.reports.length).toBeGreaterThanOrEqual(before);
    expect(serving.reports.map((r) => r.index)).toEqual(serving.reports.map((_, i) => serving.reports[0]!.index + i));
    await serving.setSpeed(0);
    expect(await serving.serve()).toBe(true);
    expect(serving.reports).toHaveLength(14);
    expect(serving.snapshot?.run).toBe('done');
  });
});
