// The serving worker's test hooks on the UI side, for test builds only (__TEST_HOOKS__,
// vite.config.ts): what the end-to-end tests reach through `window.__clickcycleServing`. A
// production build calls none of this, so leaves it out.
import type { ServingWorker } from './serving-worker.ts';

/** What the end-to-end tests call on `window.__clickcycleServing`: kill the worker as a crash would,
 * or shorten the silence that counts as death. */
export interface ServingTestHooks {
  terminate(): void;
  setMinStallMs(ms: number): void;
  /** Which serving worker answers (1 for the first, 2 after one restart, …). */
  incarnation(): number;
  /** The silence after which the supervisor takes the worker for dead (ms). */
  stallMs(): number;
}

/** Puts the hooks of the supervised serving worker `w` on `window.__clickcycleServing`. */
export function installServingTestHooks(w: ServingWorker): void {
  const hooks: ServingTestHooks = {
    // Ends the worker without telling the supervisor, as a crash would: its heartbeat must notice.
    terminate: () => w.worker.terminate(),
    setMinStallMs: (ms) => (w.minStallMs = ms),
    incarnation: () => w.incarnation,
    stallMs: () => w.stallTimeoutMs,
  };
  (globalThis as { __clickcycleServing?: ServingTestHooks }).__clickcycleServing = hooks;
}
