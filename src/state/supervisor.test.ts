// The supervisor's restart rule on a fake worker: a fresh worker at once after a first death, then
// after 0.5 s, 1 s (doubling) while deaths keep coming within a minute; calls made meanwhile wait for
// it; a fourth death within the minute gives up. The slowest heartbeat outlives a restart.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Remote } from 'comlink';
import { Supervisor, WorkerLostError, type WorkerHandle } from './supervisor.ts';

interface FakeApi {
  ping(): true;
  echo(x: number): number;
}

/** A worker that answers at once and dies when the test dispatches an `error` on it. */
function fakeWorkers(): { start: () => WorkerHandle<FakeApi>; started: EventTarget[] } {
  const started: EventTarget[] = [];
  const start = () => {
    const worker = Object.assign(new EventTarget(), { terminate: () => undefined }) as unknown as Worker;
    started.push(worker);
    const api = { ping: async () => true, echo: async (x: number) => x } as unknown as Remote<FakeApi>;
    return { api, worker };
  };
  return { start, started };
}

const crash = (w: EventTarget) => w.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('restarts at once, then after 0.5 s and 1 s; calls wait for the fresh worker; the fourth death gives up', async () => {
  const { start, started } = fakeWorkers();
  const s = new Supervisor<FakeApi>('fake', start);
  const lost: string[] = [];
  s.watch({ lost: (r) => lost.push(r) });
  expect(s.incarnation).toBe(1);

  crash(started[0]!);
  expect(lost).toEqual(['an uncaught error (boom)']);
  expect(s.incarnation).toBe(2);

  crash(started[1]!);
  expect(s.incarnation).toBe(2);
  const waiting = s.call((api) => api.echo(7));
  await vi.advanceTimersByTimeAsync(499);
  expect(s.incarnation).toBe(2);
  await vi.advanceTimersByTimeAsync(1);
  expect(s.incarnation).toBe(3);
  await expect(waiting).resolves.toBe(7);

  crash(started[2]!);
  await vi.advanceTimersByTimeAsync(999);
  expect(s.incarnation).toBe(3);
  await vi.advanceTimersByTimeAsync(1);
  expect(s.incarnation).toBe(4);

  crash(started[3]!);
  expect(s.givenUp).toMatch(/failed 4 times within a minute \(last: an uncaught error \(boom\)\)/);
  await expect(s.call((api) => api.echo(1))).rejects.toBeInstanceOf(WorkerLostError);
  expect(lost).toHaveLength(4);
  s.dispose();
});

test('a call in flight when the worker dies rejects with WorkerLostError naming the worker', async () => {
  const { started } = fakeWorkers();
  const never = { ping: async () => true, echo: () => new Promise<number>(() => undefined) } as unknown as Remote<FakeApi>;
  const s = new Supervisor<FakeApi>('serving', () => {
    const worker = Object.assign(new EventTarget(), { terminate: () => undefined }) as unknown as Worker;
    started.push(worker);
    return { api: never, worker };
  });
  const pending = s.call((api) => api.echo(1));
  // Once the call reached the worker (a call asked before it is sent goes to the fresh worker).
  await vi.advanceTimersByTimeAsync(0);
  crash(started[0]!);
  await expect(pending).rejects.toThrow('the serving worker stopped: an uncaught error (boom)');
  s.dispose();
});
