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

/** The supervised serving worker (started on its first call). */
export class ServingWorker extends Supervisor<ServingApi> {
  constructor(start: () => WorkerHandle<ServingApi> = startServingWorker) {
    super('serving', start, { lazy: true });
  }
}

let shared: ServingWorker | null = null;

/** The app's one supervised serving worker. */
export function sharedServingWorker(): ServingWorker {
  shared ??= new ServingWorker();
  return shared;
}
