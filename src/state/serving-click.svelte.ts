// Step 12's click model as the serving state runs it: trained on the live log in the serving worker
// and shipped as the challenger; Cancel stops it at its next break and nothing is shipped.
import type { ClickModelReport } from '../lib/serving/types.ts';
import { proxy } from 'comlink';
import { Job } from './job.svelte.ts';
import type { ServingCore } from './serving-core.svelte.ts';
import * as store from './serving-store.ts';

export class ClickState {
  readonly job = new Job<ClickModelReport>();
  #core: ServingCore;

  constructor(core: ServingCore) {
    this.#core = core;
  }

  /** Trains the click model on the live log (in the serving worker) and ships it as the challenger. */
  async train(version: string): Promise<ClickModelReport | null> {
    const core = this.#core;
    core.note('click', '');
    return core.jobs.lane('click').run({
      job: this.job,
      key: version,
      stage: 'training the click model',
      call: async (t) => {
        const w = core.worker;
        const report = await w.trainClickModel(
          version,
          proxy((fraction: number, stage: string) => void t.progress(fraction, stage)),
        );
        // Cancelled after the worker's last break: the model is not shipped (the lane drops the report).
        if (!t.current) return report;
        await w.shipClickModel('click model trained on the live log (objective: clicks)');
        // Shipped: it is the challenger now, so its report is kept even if Cancel came during the ship.
        core.click = report;
        const art = await w.clickArtifact();
        if (art && core.world) await store.saveArtifact(core.world, art);
        core.snap = await w.snapshot();
        await core.persist();
        if (!t.current && this.job.status !== 'running') {
          this.job.finish(version, report);
          core.note('click', '');
        }
        return report;
      },
    });
  }

  /** Cancel of the click model: the worker stops at its next break; nothing is shipped, and the click model trained before (if any) stays. */
  async cancel(): Promise<void> {
    if (this.job.status !== 'running') return;
    const core = this.#core;
    const version = this.job.runningKey;
    const cancel = core.jobs.lane('click').cancel();
    core.note('click', `Training of ${version} cancelled: it was not shipped${core.click ? `; ${core.click.version} stays as it was` : ''}.`);
    await cancel;
  }
}
