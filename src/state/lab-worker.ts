// The lab worker under the supervisor (src/state/supervisor.ts): how it is started, and the app's
// one shared instance.
import { wrap } from 'comlink';
import type { LabApi } from '../../workers/lab.worker.ts';
import { Supervisor, type WorkerHandle } from './supervisor.ts';

export { MIN_STALL_MS, WorkerLostError, workerLogLines as labLogLines, type LossListener } from './supervisor.ts';

/** Starts a lab worker and wraps it. */
export function startLabWorker(): WorkerHandle<LabApi> {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
  return { api: wrap<LabApi>(worker), worker };
}

/** The supervised lab worker. */
export class LabWorker extends Supervisor<LabApi> {
  constructor(start: () => WorkerHandle<LabApi> = startLabWorker) {
    super('lab', start);
  }
}

let shared: LabWorker | null = null;

/** The app's one supervised lab worker, started on first use (null where the browser has no workers). */
export function sharedLabWorker(): LabWorker {
  shared ??= new LabWorker();
  return shared;
}
