// The shared lab worker's gateway (src/state/supervisor.ts): a caller that kept it keeps working
// after the worker died and a fresh one took over, and every progress callback is a heartbeat.
// Tests only: the app reaches the worker through createLabPort (src/state/lab-port.ts), the one place that asks for Web Workers.
import { proxy, transfer, type Remote } from 'comlink';
import type { LabApi } from '../../workers/lab.worker.ts';
import { sharedLabWorker } from '../../src/state/lab-worker.ts';

export { proxy, transfer };
export type { LabApi };

let shared: Remote<LabApi> | null = null;

/** The app's shared lab worker through its supervisor's gateway, started on first use. */
export function labClient(): Remote<LabApi> {
  shared ??= sharedLabWorker().gateway();
  return shared;
}
