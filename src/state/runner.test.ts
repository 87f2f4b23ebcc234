// The job runner's lanes: the latest job wins in its lane, a query waits without cancelling,
// Cancel stops one lane only, and a worker's death interrupts every lane.
import { describe, expect, test } from 'vitest';
import { JobRunner, type RunnableJob } from './runner.ts';
import type { JobStatus } from './job.svelte.ts';

/** A job that records what the runner did to it. */
class FakeJob<T> implements RunnableJob<T> {
  status: JobStatus = 'idle';
  result: T | null = null;
  error = '';
  start(): void {
    this.status = 'running';
  }
  progress(): void {}
  finish(_key: string, r: T): void {
    this.status = 'done';
    this.result = r;
  }
  fail(m: string): void {
    this.status = 'error';
    this.error = m;
  }
  cancelled(): void {
    this.status = this.result === null ? 'idle' : 'done';
  }
  interrupt(m: string): void {
    this.status = 'interrupted';
    this.error = m;
  }
}

/** A promise settled by hand. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

describe('JobRunner', () => {
  test('the latest job of a lane wins: the earlier one is cancelled and its answer dropped', async () => {
    const runner = new JobRunner();
    const lane = runner.lane('main');
    const a = new FakeJob<number>();
    const b = new FakeJob<number>();
    const da = deferred<number>();
    const ra = lane.run({ job: a, key: 'a', stage: '', call: () => da.promise });
    const rb = lane.run({ job: b, key: 'b', stage: '', call: async () => 2 });
    expect(a.status).toBe('idle');
    da.resolve(1);
    expect(await ra).toBeNull();
    expect(await rb).toBe(2);
    expect(a.result).toBeNull();
    expect(b.status).toBe('done');
  });

  test('a query does not cancel the job before it; a later latest job cancels the query', async () => {
    const lane = new JobRunner().lane('main');
    const a = new FakeJob<number>();
    const q = new FakeJob<number>();
    const dq = deferred<number>();
    const ra = lane.run({ job: a, key: 'a', stage: '', call: async () => 1 });
    const rq = lane.run({ job: q, key: 'q', stage: '', call: () => dq.promise, mode: 'query' });
    expect(await ra).toBe(1);
    void lane.run({ job: new FakeJob<number>(), key: 'c', stage: '', call: async () => 3 });
    expect(q.status).toBe('idle');
    dq.resolve(9);
    expect(await rq).toBeNull();
  });

  test('queued jobs run one after another; a skipped one never calls the worker', async () => {
    const lane = new JobRunner().lane('main');
    const order: string[] = [];
    const d1 = deferred<number>();
    const j1 = new FakeJob<number>();
    const j2 = new FakeJob<number>();
    const r1 = lane.run({ job: j1, key: '1', stage: '', mode: 'queue', call: () => (order.push('1'), d1.promise) });
    const r2 = lane.run({ job: j2, key: '2', stage: '', mode: 'queue', call: async () => (order.push('2'), 2), skip: () => false });
    const r3 = lane.run({ job: new FakeJob<number>(), key: '3', stage: '', mode: 'queue', call: async () => (order.push('3'), 3), skip: () => true });
    await Promise.resolve();
    expect(order).toEqual(['1']);
    d1.resolve(1);
    expect([await r1, await r2, await r3]).toEqual([1, 2, null]);
    expect(order).toEqual(['1', '2']);
  });

  test('Cancel stops its own lane only, and asks the worker for that lane', async () => {
    const asked: string[] = [];
    const runner = new JobRunner(async (lane) => void asked.push(lane));
    const train = new FakeJob<number>();
    const exp = new FakeJob<number>();
    const dt = deferred<number>();
    const de = deferred<number>();
    const rt = runner.lane('main').run({ job: train, key: 't', stage: '', call: () => dt.promise });
    const re = runner.lane('export').run({ job: exp, key: 'e', stage: '', call: () => de.promise });
    await runner.lane('main').cancel();
    expect(asked).toEqual(['main']);
    expect(train.status).toBe('idle');
    expect(exp.status).toBe('running');
    dt.reject(new Error('cancelled'));
    de.resolve(5);
    expect([await rt, await re]).toEqual([null, 5]);
    expect(exp.status).toBe('done');
  });

  test('stopping one job drops its answer but keeps the queued jobs behind it', async () => {
    const asked: string[] = [];
    const lane = new JobRunner(async (l) => void asked.push(l)).lane('main');
    const skew = new FakeJob<number>();
    const gold = new FakeJob<number>();
    const d = deferred<number>();
    const r1 = lane.run({ job: skew, key: 's', stage: '', mode: 'queue', call: () => d.promise });
    const r2 = lane.run({ job: gold, key: 'g', stage: '', mode: 'queue', call: async () => 7 });
    await Promise.resolve();
    await lane.stop(skew);
    expect(asked).toEqual(['main']);
    expect(skew.status).toBe('idle');
    d.reject(new Error('cancelled'));
    expect([await r1, await r2]).toEqual([null, 7]);
    expect(gold.status).toBe('done');
  });

  test('errors fail the job with their message; a cancel rejection leaves the last result', async () => {
    const lane = new JobRunner().lane('main');
    const j = new FakeJob<number>();
    await lane.run({ job: j, key: 'k', stage: '', call: async () => 1 });
    await lane.run({ job: j, key: 'k', stage: '', call: async () => Promise.reject(new Error('job cancelled')) });
    expect(j.status).toBe('done');
    await lane.run({ job: j, key: 'k', stage: '', call: async () => Promise.reject(new Error('unknown dataset d1')) });
    expect(j.status).toBe('error');
    expect(j.error).toBe('unknown dataset d1');
  });

  test("a worker's death interrupts every lane's running jobs and ignores their late failures", async () => {
    const runner = new JobRunner();
    const a = new FakeJob<number>();
    const b = new FakeJob<number>();
    const da = deferred<number>();
    const ra = runner.lane('main').run({ job: a, key: 'a', stage: '', call: () => da.promise });
    const rb = runner.lane('policy').run({ job: b, key: 'b', stage: '', call: () => new Promise<number>(() => undefined) });
    void rb;
    const hit = runner.interrupt('The lab worker stopped (test).');
    expect(hit).toEqual([a, b]);
    da.reject(new Error('the lab worker stopped: test'));
    expect(await ra).toBeNull();
    expect(a.status).toBe('interrupted');
    expect(a.error).toBe('The lab worker stopped (test).');
  });
});
