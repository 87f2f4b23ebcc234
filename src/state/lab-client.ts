// The one UI-side handle on the lab worker: a comlink Remote of its typed API. The app's shared
// handle forwards every call to the supervised worker (src/state/lab-worker.ts), so a caller that
// kept it keeps working after the worker died and a fresh one took over.
import { proxy, transfer, type Remote } from 'comlink';
import type { LabApi } from '../../workers/lab.worker.ts';
import { sharedLabWorker, startWorker } from './lab-worker.ts';

export { proxy, transfer };
export type { LabApi };

/** Starts a lab worker of its own (tests, the bench) and wraps it; `terminate` ends the worker. */
export function createLab(): { lab: Remote<LabApi>; worker: Worker; terminate: () => void } {
  const { lab, worker } = startWorker();
  return { lab, worker, terminate: () => worker.terminate() };
}

let shared: Remote<LabApi> | null = null;

/** The app's shared lab worker, started on first use: each call goes to the worker alive at that
 * moment and rejects with WorkerLostError if that worker dies before answering. */
export function labClient(): Remote<LabApi> {
  shared ??= new Proxy({} as Remote<LabApi>, {
    get: (_, op: string | symbol) => {
      if (typeof op !== 'string' || op === 'then') return undefined;
      return (...args: unknown[]) => sharedLabWorker().call((lab) => (lab[op as keyof LabApi] as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
  return shared;
}
