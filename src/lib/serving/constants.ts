// The serving worker's settings that the steps' text names, in plain TypeScript: the UI reads them
// here and the worker's modules re-export them, so a step never pulls a worker module (and what it
// imports) into the page's bundle.
import { DEPLOY_DAY } from '../sim/types.ts';

/** Days of the log held out to measure the click model. */
export const HELD_OUT_DAYS = 2;
/** PSI at or above this is a drift alert (Evidently's default threshold for PSI). */
export const PSI_ALERT = 0.1;
/** The grid the candidate bars come from: 1 and 3 per order of magnitude. */
export const BAR_GRID: readonly number[] = [1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3];
/** Most ads the impressions policy shows on a query. */
export const IMPRESSIONS_MAX_ADS = 8;
/** Most ads the CTR policy shows on a query: the impressions policy's cap, so the load under it is the reserve its launch test chooses, not a count of its own. */
export const CTR_MAX_ADS = IMPRESSIONS_MAX_ADS;
/** Relative fall of the daily CTR (vs the first served day) that raises a CTR alert. */
export const CTR_DROP = 0.1;
/** Share of the impressions policy's requests served as logged exploration (each slot filled at random, its propensity recorded). */
export const EXPLORE_SHARE = 0.1;
/** The story’s serving: two weeks from the deployment day (90–103: the launch test, then the kept bar alone), 30,000 queries a day, after four weeks of the baseline. */
export const SESSION_DEFAULTS = { startDay: DEPLOY_DAY, days: 14, queriesPerDay: 30000, seed: 'serving', warmupDays: 28 } as const;
