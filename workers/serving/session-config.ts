// A serving session's configuration and sizes: how much traffic it serves, what it logs, and the
// hooks its run loop takes. Plain TypeScript, shared by the session and its tests.
import { CTR_MAX_ADS, SESSION_DEFAULTS } from '../../src/lib/serving/constants.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import type { DayReport } from '../../src/lib/serving/types.ts';

/** Requests scored together in one batch. */
export const BATCH_QUERIES = 256;
/** One request in this many is also scored alone, to measure per-request latency. */
export const REQUEST_SAMPLE = 25;

/** Where and how much traffic a session serves. */
export interface SessionConfig {
  world: WorldParams;
  /** First live day (deployment happens at its start); the comparison runs on the `days` days after the live ones. */
  startDay: number;
  days: number;
  queriesPerDay: number;
  /** Seed of the query stream and click draws. */
  seed: string;
  /** Days the users lived under the baseline before the first live day. */
  warmupDays: number;
}

/** Slots an explored request fills at least: the most the CTR policy shows, so the log covers every slot it can fill. */
export const EXPLORE_SLOTS = CTR_MAX_ADS;

/** Requests a day the live log records: on a busier day it logs every k-th request (k = queries a day ÷ this, rounded), a random sample since requests come in random order. */
export const LOGGED_REQUESTS_PER_DAY = 3000;

/** Queries of a held-out sub-stream (shadow requests, calibration) drawn from a day's traffic: enough that each of the launch test's seven shares of the users gets about 700 requests. */
export const HELD_OUT_QUERIES = 5000;

/** The story’s serving: two weeks from the deployment day (90–103: the launch test, then the kept bar alone), 30,000 queries a day, after four weeks of the baseline. */
export const DEFAULT_SESSION: Omit<SessionConfig, 'world'> = { ...SESSION_DEFAULTS };

/** Hooks for the async run loop (the worker passes timers; tests pass nothing). */
export interface RunHooks {
  /** Called after every served day. */
  onDay?: (r: DayReport) => void;
  /** Yields to the event loop (lets pause / stop messages in). */
  yieldNow?: () => Promise<void>;
  /** Waits ms (speed throttling). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}
