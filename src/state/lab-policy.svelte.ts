// Step 1's business picture: the baseline policy per simulated day, from the business simulation
// in the worker's policy lane (the latest request wins).
import { worldKey } from '../lib/url/lab-config.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { Job } from './job.svelte.ts';
import type { LabPort } from './lab-port.ts';
import { messageOf } from './lab-slot.ts';
import type { PolicyDay } from './policy.ts';

export class PolicyState {
  readonly job = new Job<PolicyDay[]>();
  #port: LabPort | null;
  /** Increments on every request and interruption; only the latest one's answer is kept. */
  #seq = 0;
  /** The world asked for last (for Retry). */
  #params: WorldParams | null = null;

  constructor(port: LabPort | null) {
    this.#port = port;
  }

  /** The days simulated, or none yet. */
  get days(): PolicyDay[] {
    return this.job.result ?? [];
  }

  /** Simulates the baseline policy for this world unless its days are already shown. */
  async ensure(params: WorldParams): Promise<void> {
    const port = this.#port;
    if (!port) return;
    const key = worldKey(params);
    if (this.job.resultKey === key && this.job.status === 'done') return;
    if (this.job.status === 'running' && this.job.runningKey === key) return;
    this.#params = params;
    const mine = ++this.#seq;
    this.job.start(key, 'simulating 14 days of traffic');
    try {
      const days = await port.baseline({ seed: params.seed, skew: params.skew, noise: params.noise, drift: params.drift });
      if (mine === this.#seq) this.job.finish(key, days);
    } catch (err) {
      if (mine === this.#seq) this.job.fail(messageOf(err));
    }
  }

  /** Asks again for the last world (after an interruption). */
  async retry(): Promise<void> {
    if (this.#params) await this.ensure(this.#params);
  }

  /** The worker died: a simulation in flight is interrupted. */
  interrupt(message: string): void {
    if (this.job.status !== 'running') return;
    this.#seq++;
    this.job.interrupt(message);
  }
}
