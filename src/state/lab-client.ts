// The one UI-side handle on the lab worker: a comlink Remote of its typed API.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { LabApi } from '../../workers/lab.worker.ts';

export { proxy, transfer };
export type { LabApi };

/** Starts a lab worker and wraps it; `terminate` ends the worker. */
export function createLab(): { lab: Remote<LabApi>; worker: Worker; terminate: () => void } {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
  const lab = wrap<LabApi>(worker);
  return { lab, worker, terminate: () => worker.terminate() };
}

let shared: Remote<LabApi> | null = null;

/** The app's shared lab worker, started on first use. */
export function labClient(): Remote<LabApi> {
  shared ??= createLab().lab;
  return shared;
}
