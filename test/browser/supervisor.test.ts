// The lab worker's supervisor in Chromium: an uncaught error in the worker and a worker that hangs
// are both noticed, the calls in flight reject with WorkerLostError, a fresh worker answers, and a
// worker that keeps dying is not restarted forever.
import { afterAll, expect, test } from 'vitest';
import { LabWorker, WorkerLostError } from '../../src/state/lab-worker.ts';
import { withTestHooks } from '../../src/state/lab-test-hooks.ts';

const w = new LabWorker();
const lost: string[] = [];
w.watch({ lost: (reason) => lost.push(reason) });
afterAll(() => w.dispose());

/** Waits until `n` deaths were reported (or throws after `ms`). */
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

test('a worker that hangs: the heartbeat notices the silence and the call in flight rejects', async () => {
  w.minStallMs = 1500;
  await w.call((lab) => withTestHooks(lab).breakWorker('hang'));
  const pending = w.call((lab) => lab.init('cpu'));
  await expect(pending).rejects.toBeInstanceOf(WorkerLostError);
  await deaths(2);
  expect(lost[1]).toMatch(/stopped answering/);
  expect(w.incarnation).toBe(3);
  expect((await w.call((lab) => lab.init('cpu'))).backend).toBe('cpu');
});

test('a worker that keeps dying is given up on, with the reason', async () => {
  for (let i = 0; i < 2; i++) {
    await w.call((lab) => withTestHooks(lab).breakWorker('throw'));
    await deaths(3 + i);
  }
  expect(w.givenUp).toMatch(/failed 4 times within a minute/);
  await expect(w.call((lab) => lab.ping())).rejects.toBeInstanceOf(WorkerLostError);
});
