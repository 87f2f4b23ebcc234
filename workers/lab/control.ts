// The worker's control operations, answered at once (never queued): the heartbeat the UI uses to
// tell a busy worker from a dead one, and the queue's counters.
import { queueStats, type QueueStats } from './jobs.ts';

/** Progress callbacks arrive as comlink proxies; they may be missing. */
export type OnProgress<P> = ((p: P) => void) | undefined;

/** Spread into the worker's API. */
export const controlApi = {
  /** Heartbeat: answers as soon as the worker's event loop is free, with the queue's counters. */
  ping(): QueueStats {
    return queueStats();
  },
};
