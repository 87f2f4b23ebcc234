// One long job's visible state: status, progress, the last result and what inputs made it.
// The last result stays while a newer job runs, so the UI can show it dimmed and marked stale.

/** The contract's `data-status` values, plus idle before any run and interrupted when the worker
 * died under the job (it can be retried). */
export type JobStatus = 'idle' | 'running' | 'done' | 'error' | 'interrupted';

/** What a job panel shows of a job (a Job, or a view made of several). */
export interface JobView {
  readonly status: JobStatus;
  readonly fraction: number;
  readonly stage: string;
  readonly error: string;
}

/** A job's view as a plain object (to override a field or two). */
export function viewOf(j: JobView): JobView {
  return { status: j.status, fraction: j.fraction, stage: j.stage, error: j.error };
}

/**
 * One panel's view of jobs that run one after another (collect, train, measure): running while
 * any of them runs, or while `pending` says a number the panel shows is not final yet (between
 * two jobs, or before a measurement starts); else the first failure; else done once any has run.
 * So a panel reads done only when every number it shows is final.
 */
export function sequenceOf(jobs: readonly JobView[], pending = false): JobView {
  const running = jobs.find((j) => j.status === 'running');
  if (running) return viewOf(running);
  const failed = jobs.find((j) => j.status === 'error' || j.status === 'interrupted');
  if (failed) return viewOf(failed);
  if (jobs.every((j) => j.status === 'idle') && !pending) return { status: 'idle', fraction: 0, stage: '', error: '' };
  if (pending) return { status: 'running', fraction: 1, stage: 'measuring', error: '' };
  return { status: 'done', fraction: 1, stage: '', error: '' };
}

export class Job<T> implements JobView {
  #status = $state<JobStatus>('idle');
  #fraction = $state(0);
  #stage = $state('');
  #error = $state('');
  /** The latest finished result, replaced whole. */
  #result = $state.raw<T | null>(null);
  /** The inputs key of the latest finished result. */
  #resultKey = $state('');
  /** The inputs key of the job in flight (or of the last one started). */
  #runningKey = $state('');

  get status(): JobStatus {
    return this.#status;
  }
  get fraction(): number {
    return this.#fraction;
  }
  get stage(): string {
    return this.#stage;
  }
  get error(): string {
    return this.#error;
  }
  get result(): T | null {
    return this.#result;
  }
  get resultKey(): string {
    return this.#resultKey;
  }
  get runningKey(): string {
    return this.#runningKey;
  }

  /** True when the shown result was made from other inputs than `key`, or a newer job is running. */
  isStale(key: string): boolean {
    return this.#result !== null && (this.#status === 'running' || this.#resultKey !== key);
  }

  start(key: string, stage: string): void {
    this.#status = 'running';
    this.#runningKey = key;
    this.#fraction = 0;
    this.#stage = stage;
    this.#error = '';
  }

  progress(fraction: number, stage: string): void {
    if (this.#status !== 'running') return;
    this.#fraction = Math.min(1, Math.max(0, fraction));
    this.#stage = stage;
  }

  finish(key: string, result: T): void {
    this.#result = result;
    this.#resultKey = key;
    this.#status = 'done';
    this.#fraction = 1;
    this.#stage = '';
  }

  fail(message: string): void {
    this.#status = 'error';
    this.#error = message;
  }

  /** The worker died under the job: it stops, says why, and can be retried; its last result stays (stale). */
  interrupt(message: string): void {
    this.#status = 'interrupted';
    this.#error = message;
    this.#stage = '';
  }

  /** The worker that made the result is gone: the result stays visible but no inputs match it any more. */
  forget(): void {
    this.#resultKey = '';
  }

  /** A cancelled job goes back to showing its last result (or nothing). */
  cancelled(): void {
    this.#status = this.#result === null ? 'idle' : 'done';
    this.#runningKey = this.#resultKey;
    this.#stage = '';
    this.#fraction = this.#result === null ? 0 : 1;
  }

  /** Back to nothing shown (Start over). */
  reset(): void {
    this.#status = 'idle';
    this.#result = null;
    this.#resultKey = this.#runningKey = this.#stage = this.#error = '';
    this.#fraction = 0;
  }
}
