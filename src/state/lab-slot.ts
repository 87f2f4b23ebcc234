// The UI's side of the worker's main lane: the dataset, training and feature-trial jobs share it.
// The latest request wins: claiming the slot marks the other jobs abandoned and cancels the worker's
// job in flight; an answer that arrives for a job no longer current is dropped.
import type { Job } from './job.svelte.ts';
import type { LabPort } from './lab-port.ts';

/** An error's message in words. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class JobSlot {
  #port: LabPort;
  /** Increments on every claim, cancel and interruption; a job whose number is no longer current is ignored. */
  #seq = 0;
  #jobs: Job<unknown>[] = [];
  /** Called when a job claims the slot (training and data drop the evaluation in flight). */
  #onClaim: ((job: Job<unknown>) => void)[] = [];

  constructor(port: LabPort) {
    this.#port = port;
  }

  /** Jobs that share the slot. */
  register(...jobs: Job<unknown>[]): void {
    this.#jobs.push(...jobs);
  }

  /** Runs `f` whenever a job claims the slot. */
  onClaim(f: (job: Job<unknown>) => void): void {
    this.#onClaim.push(f);
  }

  /**
   * Runs one job on the slot: claims it, calls the worker with a progress sink, and records the
   * result under `key`. Resolves with the result, or null if cancelled, superseded, interrupted or failed.
   */
  async run<T>(job: Job<T>, key: string, call: (progress: (fraction: number, stage: string) => boolean) => Promise<T>): Promise<T | null> {
    const mine = ++this.#seq;
    for (const j of this.#jobs) if (j !== job && j.status === 'running') j.cancelled();
    for (const f of this.#onClaim) f(job as Job<unknown>);
    job.start(key, 'starting');
    // The worker's queue cancels its earlier main-lane job itself when this one arrives (the latest wins).
    try {
      const result = await call((fraction, stage) => {
        if (mine !== this.#seq) return false;
        job.progress(fraction, stage);
        return true;
      });
      if (mine !== this.#seq) return null;
      job.finish(key, result);
      return result;
    } catch (err) {
      if (mine === this.#seq) job.fail(messageOf(err));
      return null;
    }
  }

  /** Cancels the job in flight (the Cancel button): it goes back to its last result. */
  async cancel(): Promise<void> {
    this.#seq++;
    for (const j of this.#jobs) if (j.status === 'running') j.cancelled();
    await this.#port.cancel('main').catch(() => undefined);
  }

  /** The worker died: the running job is marked interrupted (it can be retried); its late failure is ignored. */
  interrupt(message: string): Job<unknown>[] {
    this.#seq++;
    const hit = this.#jobs.filter((j) => j.status === 'running');
    for (const j of hit) j.interrupt(message);
    return hit;
  }
}
