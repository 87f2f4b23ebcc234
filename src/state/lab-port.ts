// What the lab state needs of the lab worker: the methods it calls through the supervisor's gateway
// (src/state/supervisor.ts), where progress callbacks are heartbeats, and the supervisor's death notices.
import type { LabApi } from '../../workers/lab.worker.ts';
import type { Gateway, Supervised } from './supervisor.ts';
import { sharedLabWorker, type LabWorker } from './lab-worker.ts';
import { installLabTestHooks } from './lab-test-hooks.ts';

/** The lab worker's methods the lab state calls (cancel takes one lane, never every lane). */
export type LabGateway = Gateway<LabApi, 'init' | 'generate' | 'train' | 'baselinePolicy' | 'evaluate' | 'exportModel' | 'cancel'>;

/** The lab state's worker: its gateway and the supervisor's death notices. */
export type LabPort = Supervised<LabGateway>;

/** The shared supervised lab worker (null where the browser has no workers). */
export function createLabPort(): LabWorker | null {
  if (typeof Worker === 'undefined') return null;
  const w = sharedLabWorker();
  // Only a test build (__TEST_HOOKS__) has the end-to-end tests' hooks; a reader's build has none.
  if (__TEST_HOOKS__) installLabTestHooks(w);
  return w;
}
