// The live run as the serving state runs it (step 11): the remaining days served by the champion,
// each day's report shown and its log stored as it comes; pause, resume, stop and speed.
import type { DayReport } from '../lib/serving/types.ts';
import { proxy } from 'comlink';
import type { LogChunk } from '../../workers/serving/log-chunk.ts';
import { Job } from './job.svelte.ts';
import type { ServingCore } from './serving-core.svelte.ts';
import * as store from './serving-store.ts';

export class LiveState {
  readonly job = new Job<true>();
  #core: ServingCore;

  constructor(core: ServingCore) {
    this.#core = core;
  }

  /** Serves the remaining live days (until done, paused or stopped). */
  async serve(): Promise<boolean> {
    const core = this.#core;
    const w = core.worker;
    return core.act(this.job, 'live', async () => {
      core.note('serving', '');
      await core.persist(true);
      await w.run(
        proxy((r: DayReport, chunk: LogChunk) => {
          const snap = core.snap;
          // The callback travels on its own message port, so WebKit can deliver a day's report after
          // the snapshot taken when the run ended, which already holds it: a day is added once.
          if (snap && !snap.reports.some((d) => d.index === r.index)) core.snap = { ...snap, reports: [...snap.reports, r], run: 'running' };
          if (core.world) void store.saveDay(core.world, r, chunk.log).catch((e) => core.quota(e));
        }),
      );
      core.snap = await w.snapshot();
      await core.persist();
    });
  }

  /** One control of the run (pause, resume, stop, speed), then the new snapshot. */
  async control(f: () => Promise<unknown>): Promise<void> {
    await f();
    this.#core.snap = await this.#core.worker.snapshot();
  }
}
