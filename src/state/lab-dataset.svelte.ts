// The step-2 log in the worker: generated for the world the knobs describe (the latest request
// wins), its summary kept visible, dimmed, while a newer one is made.
import type { DatasetSummary } from '../lib/lab/types.ts';
import { worldKey, type WorldRequest } from '../lib/url/lab-config.ts';
import { Job } from './job.svelte.ts';
import type { LabGateway } from './lab-port.ts';
import type { Lane } from './runner.ts';

/** The worker's generate request for a world of the link (its knobs, and the rows apart). */
function requestOf(world: WorldRequest) {
  const { rows, ...params } = world;
  return { params, rows };
}

export class DatasetState {
  readonly job = new Job<DatasetSummary>();
  #port: LabGateway | null;
  #lane: Lane;
  /** The world asked for last (regenerated in a fresh worker). */
  #world: WorldRequest | null = null;
  /** The generation in flight, so a caller can wait for it. */
  #pending: Promise<void> | null = null;

  constructor(port: LabGateway | null, lane: Lane) {
    this.#port = port;
    this.#lane = lane;
  }

  /** Makes sure the dataset for `world` exists (generating it if needed); resolves once it is there or failed. */
  async ensure(world: WorldRequest): Promise<void> {
    if (!this.#port) return;
    const key = worldKey(world);
    if (this.job.resultKey === key && this.job.status === 'done') return;
    if (this.job.status === 'running' && this.job.runningKey === key && this.#pending) return this.#pending;
    await this.generate(world);
  }

  /** Generates the dataset for `world`. */
  async generate(world: WorldRequest): Promise<void> {
    const port = this.#port;
    if (!port) return;
    this.#world = world;
    const run = this.#lane
      .run({ job: this.job, key: worldKey(world), stage: 'starting', call: (t) => port.generate(requestOf(world), (p) => void t.progress(p.fraction, p.stage)) })
      .then(() => undefined);
    this.#pending = run;
    await run;
    if (this.#pending === run) this.#pending = null;
  }

  /** Makes the dataset of the world asked last again, inside a job already running in the lane (its
   * progress goes to `onProgress`, the lane's Cancel stops it): for a job whose dataset the worker no
   * longer holds. Resolves with the new dataset's id, or null when no world was asked or it failed. */
  async remake(onProgress: (fraction: number, stage: string) => void): Promise<string | null> {
    const port = this.#port;
    const world = this.#world;
    if (!port || !world) return null;
    const summary = await port.generate(requestOf(world), (p) => onProgress(p.fraction, p.stage));
    this.job.finish(worldKey(world), summary);
    return summary.id;
  }

  /** The id of the finished log of the world asked last, if any (made again after a restart). */
  heldId(): string | null {
    const w = this.#world;
    return w && this.job.status === 'done' && this.job.resultKey === worldKey(w) ? (this.job.result?.id ?? null) : null;
  }

  /** The worker that held the data died: the summary stays visible, and a finished dataset is made again. */
  async lost(): Promise<void> {
    const wasDone = this.job.status === 'done';
    this.job.forget();
    if (wasDone && this.#world) await this.generate(this.#world);
  }
}
