// The live log of a served day: the serving state records every k-th request (about
// LOGGED_REQUESTS_PER_DAY a day, a random sample since requests come in random order), with the
// exploration share on for the impressions policy's days. Plain TypeScript.
import { LogBuilder, type ExplorationLog, type ImpressionLog, type ServingState } from '../../src/lib/market/index.ts';
import { LOGGED_REQUESTS_PER_DAY } from './session-config.ts';

/** Runs `serve` with the state logging a day of `queries` requests; returns what it gave and the day's log. */
export function loggedDay<T>(state: ServingState, queries: number, exploration: ExplorationLog | undefined, serve: () => T): { out: T; log: ImpressionLog } {
  const stride = Math.max(1, Math.round(queries / LOGGED_REQUESTS_PER_DAY));
  const log = new LogBuilder(Math.max(1024, Math.ceil(queries / stride) * 4));
  state.log = log;
  state.logStride = stride;
  state.exploration = exploration;
  const out = serve();
  state.log = null;
  return { out, log: log.finish() };
}
