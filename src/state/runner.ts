// The one job runner of the state layer. Its lanes mirror the worker's queue (workers/lab/jobs.ts)
// one to one: in a lane the latest job wins (an earlier one is marked cancelled and its answer
// dropped), a query waits its turn without cancelling, Cancel stops one lane, and a worker's death
// interrupts every lane's running jobs. Errors and cancels reach the job in one way (messageOf).
import type { Job } from './job.svelte.ts';

/** What the runner drives of a job (a Job; tests pass a plain one). */
export type RunnableJob<T> = Pick<Job<T>, 'status' | 'start' | 'progress' | 'finish' | 'fail' | 'cancelled' | 'interrupt'>;

/** An error's message in words. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** True for the rejection of a job the worker cancelled. */
export function isCancel(err: unknown): boolean {
  return /cancel/i.test(messageOf(err));
}

/** What a running job's body may ask of its lane. */
export interface Ticket {
  /** Shows progress; false once the job is no longer the lane's current one. */
  progress(fraction: number, stage: string): boolean;
  /** True while no later job, Cancel or worker loss superseded this one. */
  readonly current: boolean;
}

/** How a job shares its lane. */
export type JobMode =
  /** The latest wins: earlier jobs of the lane are cancelled (the worker's default). */
  | 'latest'
  /** A query: waits its turn without cancelling; a later 'latest' job cancels it (supersede: false). */
  | 'query'
  /** Waits until the lane's earlier queued jobs settled, then runs as 'query' does. */
  | 'queue';

/** A job asked of a lane. */
export interface JobRequest<T> {
  job: RunnableJob<T>;
  /** The inputs the result is made from. */
  key: string;
  /** What the panel says before the first progress message. */
  stage: string;
  /** Calls the worker. */
  call: (t: Ticket) => Promise<T>;
  mode?: JobMode;
  /** A queued job that is no longer wanted when its turn comes is skipped. */
  skip?: () => boolean;
}

/** One lane of a worker's queue, as the UI sees it. */
export class Lane {
  readonly name: string;
  #cancel: (lane: string) => Promise<unknown>;
  /** Increments on every 'latest' job, Cancel and interruption; a job asked before is no longer current. */
  #seq = 0;
  /** The tail of the queued jobs. */
  #chain: Promise<unknown> = Promise.resolve();
  /** Jobs running in the lane now. */
  #running = new Set<RunnableJob<unknown>>();
  /** Each job's latest run (a job asked again supersedes its own earlier run). */
  #latestRun = new Map<RunnableJob<unknown>, number>();
  #runs = 0;

  constructor(name: string, cancel: (lane: string) => Promise<unknown>) {
    this.name = name;
    this.#cancel = cancel;
  }

  /** True while `job` runs in this lane. */
  has(job: RunnableJob<unknown>): boolean {
    return this.#running.has(job);
  }

  /** Runs one job; resolves with its result, or null if cancelled, superseded, interrupted or failed. */
  run<T>(r: JobRequest<T>): Promise<T | null> {
    const mode = r.mode ?? 'latest';
    if (mode === 'latest') {
      this.#seq++;
      for (const j of this.#running) if (j !== r.job) this.#drop(j);
    }
    const mine = this.#seq;
    if (mode !== 'queue') return this.#now(r, mine);
    const next = this.#chain.then(() => {
      if (r.skip?.()) return null;
      if (mine !== this.#seq) {
        if (r.job.status === 'running' && !this.#running.has(r.job as RunnableJob<unknown>)) r.job.cancelled();
        return null;
      }
      return this.#now(r, mine);
    });
    this.#chain = next;
    return next;
  }

  /** The Cancel button: every job of the lane goes back to its last result, and the worker stops the lane. */
  async cancel(): Promise<void> {
    this.#seq++;
    for (const j of this.#running) this.#drop(j);
    await this.#cancel(this.name).catch(() => undefined);
  }

  /** Stops one running job (a superseded run of it): its answer is dropped and the worker stops
   * the lane's job in flight; the jobs queued behind it keep their turn. */
  async stop(job: RunnableJob<unknown>): Promise<void> {
    if (!this.#running.has(job)) return;
    this.#latestRun.set(job, ++this.#runs);
    this.#drop(job);
    await this.#cancel(this.name).catch(() => undefined);
  }

  /** The worker died: the running jobs are marked interrupted (they can be retried); late answers are ignored. */
  interrupt(message: string): RunnableJob<unknown>[] {
    this.#seq++;
    const hit = [...this.#running];
    this.#running.clear();
    for (const j of hit) j.interrupt(message);
    return hit;
  }

  #drop(j: RunnableJob<unknown>): void {
    this.#running.delete(j);
    j.cancelled();
  }

  async #now<T>(r: JobRequest<T>, mine: number): Promise<T | null> {
    const { job, key } = r;
    const self = job as RunnableJob<unknown>;
    const run = ++this.#runs;
    this.#latestRun.set(self, run);
    const current = () => mine === this.#seq && this.#latestRun.get(self) === run;
    const ticket: Ticket = {
      progress(fraction, stage) {
        if (!current()) return false;
        job.progress(fraction, stage);
        return true;
      },
      get current() {
        return current();
      },
    };
    job.start(key, r.stage);
    this.#running.add(self);
    try {
      const result = await r.call(ticket);
      if (!current()) return null;
      job.finish(key, result);
      return result;
    } catch (err) {
      if (!current()) return null;
      if (isCancel(err)) job.cancelled();
      else job.fail(messageOf(err));
      return null;
    } finally {
      if (current()) this.#running.delete(self);
    }
  }
}

/** The lanes of one worker, named by the worker's own lane type (src/lib/lanes.ts). */
export class JobRunner<L extends string = string> {
  #lanes = new Map<L, Lane>();
  #cancel: (lane: L) => Promise<unknown>;

  /** `cancel` asks the worker to stop one lane's jobs. */
  constructor(cancel: (lane: L) => Promise<unknown> = async () => undefined) {
    this.#cancel = cancel;
  }

  /** The lane of this name (made on first use). */
  lane(name: L): Lane {
    let l = this.#lanes.get(name);
    // The lane was made with this runner's lane name, so it cancels only such names.
    if (!l) this.#lanes.set(name, (l = new Lane(name, this.#cancel as (lane: string) => Promise<unknown>)));
    return l;
  }

  /** The worker died: every lane's running jobs are interrupted; returns them. */
  interrupt(message: string): RunnableJob<unknown>[] {
    return [...this.#lanes.values()].flatMap((l) => l.interrupt(message));
  }
}
