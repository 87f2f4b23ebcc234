// A lab worker of a test's (or the bench's) own, unsupervised: started and wrapped directly, with the
// methods only tests and the bench call (a build with __LAB_SEAMS__ on: vitest's projects and the
// bench's build). The app reaches its worker only through the supervisor (src/state/lab-worker.ts).
import type { Remote } from 'comlink';
import type { LabSeamsApi } from '../../workers/lab.worker.ts';
import { startLabWorker } from '../../src/state/lab-worker.ts';

export type { LabSeamsApi };

/** Starts a lab worker and wraps it; `terminate` ends the worker. */
export function createLab(): { lab: Remote<LabSeamsApi>; worker: Worker; terminate: () => void } {
  const { api, worker } = startLabWorker();
  return { lab: api as Remote<LabSeamsApi>, worker, terminate: () => worker.terminate() };
}
