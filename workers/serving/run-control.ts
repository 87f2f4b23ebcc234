// The live run's control: running, paused, stopped or done, at a speed in days per second. The
// session hands it a function that serves one day; pause, resume and stop arrive between days.
import type { ServingSnapshot } from '../../src/lib/serving/types.ts';
import type { DayReport } from '../../src/lib/serving/types.ts';
import type { RunHooks } from './session-config.ts';

export class RunControl {
  state: ServingSnapshot['run'] = 'idle';
  #speed = 2;
  #resume: (() => void) | null = null;

  get speed(): number {
    return this.#speed;
  }

  /** Serves days with `serveNext` while `more()` holds, honouring pause, stop and speed (days per second, 0 = flat out). */
  async run(more: () => boolean, serveNext: (now: () => number) => DayReport, hooks: RunHooks = {}): Promise<void> {
    if (this.state === 'running') return;
    this.state = 'running';
    const now = hooks.now ?? (() => performance.now());
    while (more()) {
      if ((this.state as string) === 'stopped') return;
      if ((this.state as string) === 'paused') await new Promise<void>((r) => (this.#resume = r));
      if ((this.state as string) === 'stopped') return;
      const t0 = now();
      const report = serveNext(now);
      hooks.onDay?.(report);
      await hooks.yieldNow?.();
      const wait = this.#speed > 0 ? 1000 / this.#speed - (now() - t0) : 0;
      if (wait > 0) await hooks.sleep?.(wait);
    }
    this.state = 'done';
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused';
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.#resume?.();
    this.#resume = null;
  }

  /** Stops serving; the days served stay. */
  stop(): void {
    if (this.state === 'running' || this.state === 'paused') {
      this.state = 'stopped';
      this.#resume?.();
      this.#resume = null;
    }
  }

  setSpeed(daysPerSecond: number): void {
    this.#speed = Math.max(0, Math.min(100, daysPerSecond));
  }
}
