// Step 1's business picture: the baseline policy per simulated day, from the business simulation
// in the worker's policy lane (the latest request wins).
import { worldKey } from '../lib/url/lab-config.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import { Job } from './job.svelte.ts';
import type { LabGateway } from './lab-port.ts';
import type { Lane } from './runner.ts';
import type { PolicyDay } from './policy.ts';

export class PolicyState {
  readonly job = new Job<PolicyDay[]>();
  #port: LabGateway | null;
  #lane: Lane;
  /** The world asked for last (for Retry). */
  #params: WorldParams | null = null;

  constructor(port: LabGateway | null, lane: Lane) {
    this.#port = port;
    this.#lane = lane;
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
    const world = { seed: params.seed, skew: params.skew, noise: params.noise, drift: params.drift };
    await this.#lane.run({ job: this.job, key, stage: 'simulating 14 days of traffic', call: () => port.baselinePolicy(world) });
  }

  /** Asks again for the last world (after an interruption). */
  async retry(): Promise<void> {
    if (this.#params) await this.ensure(this.#params);
  }
}
