// The one UI-side handle on the lab worker: a comlink Remote of its typed API. The app's shared
// handle is the supervisor's gateway (src/state/lab-worker.ts): a caller that kept it keeps working
// after the worker died and a fresh one took over, and every progress callback is a heartbeat.
import { proxy, transfer, type Remote } from 'comlink';
import type { LabApi } from '../../workers/lab.worker.ts';
import { sharedLabWorker } from './lab-worker.ts';

export { proxy, transfer };
export type { LabApi };

let shared: Remote<LabApi> | null = null;

/** The app's shared lab worker through its supervisor's one gateway (LabWorker.wrap), started on first use. */
export function labClient(): Remote<LabApi> {
  shared ??= sharedLabWorker().wrap();
  return shared;
}
