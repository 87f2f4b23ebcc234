// The worker's control operations, answered at once (never queued): the heartbeat the UI uses to
// tell a busy worker from a dead one, the queue's counters, and test hooks that break the worker.
import { injectAllocationFailure, queueStats, type QueueStats } from './jobs.ts';

/** Progress callbacks arrive as comlink proxies; they may be missing. */
export type OnProgress<P> = ((p: P) => void) | undefined;

/** Spread into the worker's API. */
export const controlApi = {
  /** Heartbeat: answers as soon as the worker's event loop is free, with the queue's counters. */
  ping(): QueueStats {
    return queueStats();
  },

  /** Test hooks that break the worker: the next job's allocation fails, an uncaught error kills
   * the worker's event handler, or the worker hangs in an endless synchronous loop. */
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
