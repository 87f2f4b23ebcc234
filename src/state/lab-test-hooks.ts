// The lab worker's test hooks on the UI side, for test builds only (__TEST_HOOKS__, vite.config.ts):
// the typed handle on the hooks that break the worker, and the hooks the end-to-end tests reach
// through `window.__clickcycleLab`. A production build calls none of this, so leaves it out.
import type { Remote } from 'comlink';
import type { LabApi, LabTestApi } from '../../workers/lab.worker.ts';
import type { LabWorker } from './lab-worker.ts';

/** The lab worker's handle with its test hooks; throws in a build without them. */
export function withTestHooks(lab: Remote<LabApi>): Remote<LabTestApi> {
  if (!__TEST_HOOKS__) throw new Error('this build has no lab test hooks (__TEST_HOOKS__ is off)');
  return lab as Remote<LabTestApi>;
}

/** What the end-to-end tests call on `window.__clickcycleLab`: kill the worker as a crash would,
 * shorten the silence that counts as death, or break the worker from inside. */
export interface LabTestHooks {
  terminate(): void;
  setMinStallMs(ms: number): void;
  breakWorker(how: 'allocation' | 'throw' | 'hang'): Promise<void>;
}

/** Puts the hooks of the supervised worker `w` on `window.__clickcycleLab`. */
export function installLabTestHooks(w: LabWorker): void {
  const hooks: LabTestHooks = {
    // Ends the worker without telling the supervisor, as a crash would: its heartbeat must notice.
    terminate: () => w.worker.terminate(),
    setMinStallMs: (ms) => (w.minStallMs = ms),
    breakWorker: (how) => w.call((lab) => withTestHooks(lab).breakWorker(how)),
  };
  (globalThis as { __clickcycleLab?: LabTestHooks }).__clickcycleLab = hooks;
}
