// The app's two workers, each under its supervisor (src/state/supervisor.ts), and the one place
// that asks whether the browser can start workers at all.
import type { LabWorker } from './lab-worker.ts';
import { createLabPort } from './lab-port.ts';
import type { ServingGateway } from './serving-core.svelte.ts';
import { sharedServingWorker } from './serving-worker.ts';
import type { Supervised } from './supervisor.ts';
import { installServingTestHooks } from './serving-test-hooks.ts';

export interface AppWorkers {
  lab: LabWorker;
  serving: Supervised<ServingGateway>;
}

/** The supervised lab and serving workers (the serving one starts on its first call), or null
 * where the browser has no Web Workers. */
export function appWorkers(): AppWorkers | null {
  const lab = createLabPort();
  if (!lab) return null;
  const serving = sharedServingWorker();
  if (__TEST_HOOKS__) installServingTestHooks(serving);
  return { lab, serving };
}

/** A stand-in for a worker the browser cannot start: every call rejects, saying so; it never dies. */
export function noWorker<G>(name: string): Supervised<G> {
  const fail = () => Promise.reject(new Error(`this browser cannot start the ${name} worker (no Web Workers)`));
  const gateway = new Proxy({}, { get: (_, op) => (op === 'then' ? undefined : fail) }) as G;
  return { gateway: () => gateway, watch: () => () => undefined };
}
