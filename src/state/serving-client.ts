// The one UI-side handle on the serving worker: a comlink Remote of its typed API.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { ServingApi } from '../../workers/serving.worker.ts';

export { proxy, transfer };
export type { ServingApi };

let shared: Remote<ServingApi> | null = null;

/** The app's serving worker, started on first use. */
export function servingClient(): Remote<ServingApi> {
  shared ??= wrap<ServingApi>(new Worker(new URL('../../workers/serving.worker.ts', import.meta.url), { type: 'module', name: 'serving' }));
  return shared;
}
