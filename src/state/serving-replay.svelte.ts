// Step 12's replay as the serving state runs it: the live days replayed with the champion (same
// requests, same click draws), shown day by day as they come; Cancel drops the days it made.
import type { PolicyDay } from '../lib/market/types.ts';
import { proxy } from 'comlink';
import { Job } from './job.svelte.ts';
import type { ServingCore } from './serving-core.svelte.ts';

export class ReplayState {
  readonly job = new Job<true>();
  #core: ServingCore;
  /** The days of the replay running (or of one that failed part-way), or null: the last complete replay shows. */
  #live = $state.raw<PolicyDay[] | null>(null);

  constructor(core: ServingCore) {
    this.#core = core;
  }

  /** The replay's days: the last complete replay, or the days of the one running so far. */
  get days(): PolicyDay[] {
    return this.#live ?? this.#core.replayDone;
  }

  /** Shows the last complete replay again (a session opened or forgotten). */
  clear(): void {
    this.#live = null;
  }

  /** Replays the live days with the champion; the days show as they come. */
  async replay(): Promise<boolean> {
    const core = this.#core;
    core.note('replay', '');
    return core.act(this.job, 'replay', async (t) => {
      this.#live = [];
      let open = true;
      const days = await core.worker.replay(
        proxy((d: PolicyDay) => {
          if (open && t.current) this.#live = [...(this.#live ?? []), d];
        }),
      );
      open = false;
      if (!t.current) return;
      // The answer is the whole fortnight (a day's callback may arrive after it).
      core.replayDone = days;
      this.#live = null;
      core.replayOf = (core.snap?.champion.role !== 'ctr_policy' && core.snap?.challenger?.role === 'ctr_policy' ? core.snap.challenger.label : core.snap?.champion.label) ?? '';
      await core.persist();
    });
  }

  /** Cancel of the replay: the worker stops after the day in flight, and the days it made are dropped:
   * the last complete replay shows again (or none), never a part of a fortnight. */
  async cancel(): Promise<void> {
    if (this.job.status !== 'running') return;
    const core = this.#core;
    const made = this.days.length;
    const cancel = core.jobs.lane('replay').cancel();
    this.#live = null;
    const kept = core.replayDone.length > 0 ? '; the last complete comparison shows again' : '';
    core.note('replay', `Replay cancelled after ${made} of ${core.snap?.days ?? 0} days: none of them is kept${kept}. Press Replay to run the fortnight again.`);
    await cancel;
  }
}
