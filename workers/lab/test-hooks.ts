// Hooks that break the lab worker on purpose, for the tests only: lab.worker.ts adds them to its API
// in a test build (__TEST_HOOKS__, see vite.config.ts); a production build leaves this module out.
import type { BackendName } from '../lab-types.ts';
import { failNextStartOf } from './backends.ts';
import { injectAllocationFailure } from './jobs.ts';
import { shedUnheldDatasets } from './datasets.ts';

/** The global batch at which the next training run fails on its backend, if asked. */
let faultAtBatch: number | undefined;

/** The batch the next training run fails at (once: asking clears it). */
export function takeTrainFault(): number | undefined {
  const fault = faultAtBatch;
  faultAtBatch = undefined;
  return fault;
}

/** Spread into the worker's API in a test build. */
export const testHooksApi = {
  /** Fails the next training run at a batch, or the next start of a backend. */
  injectFault(fault: { trainAtBatch?: number; failStartOf?: BackendName }): void {
    faultAtBatch = fault.trainAtBatch;
    failNextStartOf(fault.failStartOf ?? null);
  },

  /** Drops every dataset no queued or running job holds, as a full memory budget would; returns their ids. */
  shedDatasets(): string[] {
    return shedUnheldDatasets();
  },

  /** Breaks the worker: the next job's allocation fails, an uncaught error kills the worker's event
   * handler, or the worker hangs in an endless synchronous loop. */
  breakWorker(how: 'allocation' | 'throw' | 'hang'): void {
    if (how === 'allocation') injectAllocationFailure();
    else if (how === 'throw')
      setTimeout(() => {
        throw new Error('injected crash: the lab worker threw an uncaught error');
      });
    else
      setTimeout(() => {
        for (;;) {
          /* never answers again */
        }
      });
  },
};

/** The test hooks' part of the worker's API. */
export type TestHooksApi = typeof testHooksApi;
