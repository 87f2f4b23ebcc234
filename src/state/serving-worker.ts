// The serving worker under the supervisor (src/state/supervisor.ts): how it is started, and the
// app's one shared instance.
import { wrap } from 'comlink';
import type { ServingApi } from '../../workers/serving.worker.ts';
import { Supervisor, type WorkerHandle } from './supervisor.ts';

/** Starts a serving worker and wraps it. */
export function startServingWorker(): WorkerHandle<ServingApi> {
  const worker = new Worker(new URL('../../workers/serving.worker.ts', import.meta.url), { type: 'module', name: 'serving' });
  return { api: wrap<ServingApi>(worker), worker };
}

/** The shortest silence taken for the serving worker's death (ms): opening a session warms the
 * users up on 28 days of 30,000 queries in one synchronous stretch, and a heartbeat waited 13.6 s
 * behind it on a loaded two-core machine (test/e2e/recovery.test.ts); the lab's 20 s is too close. */
export const SERVING_MIN_STALL_MS = 60_000;

/** The supervised serving worker (started on its first call). */
export class ServingWorker extends Supervisor<ServingApi> {
  constructor(start: () => WorkerHandle<ServingApi> = startServingWorker) {
    super('serving', start, { lazy: true });
    this.minStallMs = SERVING_MIN_STALL_MS;
  }
}

let shared: ServingWorker | null = null;

/** The app's one supervised serving worker. */
export function sharedServingWorker(): ServingWorker {
  shared ??= new ServingWorker();
  return shared;
}
