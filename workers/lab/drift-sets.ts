// Clean evaluation streams for steps 9–10: every positive of a large stream and a fraction of its
// negatives (weighted back up), labelled by the truth, so a buggy labelling batch inside the
// training days cannot fake a gap between old test data and yesterday. Cached per world.
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { columnsBytes, generateRows, worldFor } from './datasets.ts';
import type { EvalSet } from './evalsets.ts';
import { ByteLru } from '../../src/lib/lab/lru.ts';
import { LAB_POOL } from './pool.ts';

/** Candidate rows of the old-test stream (the training days). */
export const OLD_TEST_ROWS = 8_000_000;
/** Candidate rows of the yesterday stream (day 89 alone: ~400 positives at the story's skew). */
export const YESTERDAY_ROWS = 4_000_000;
/** Candidate rows of the per-day stream over days 45–89 (~25 positives a day at the story's skew). */
export const PER_DAY_ROWS = 11_000_000;
/** Negatives kept per stream, about. */
const KEEP_NEGATIVES = 200_000;
/** Positives kept per stream at most, about (at a large skew every positive would be millions of rows). */
const KEEP_POSITIVES = 150_000;
/** Bytes of clean streams kept (old test, yesterday and per day at ~7–8 MB each, and one more). */
export const DRIFT_SETS_BUDGET = 32 * 2 ** 20;

/** Streams by world, name and days, least recently used dropped first beyond the budget. */
const cache = new ByteLru<string, EvalSet>('driftSets', DRIFT_SETS_BUDGET, (s) => columnsBytes(s.cols), { pool: LAB_POOL, sheddable: true });

/** What the clean-stream cache holds, for the memory report. */
export function driftSetStats() {
  return cache.stats();
}

/** A truth-labelled stream over `days` of the world (cached). */
export async function cleanSet(p: WorldParams, name: string, days: [number, number], rows: number, cancelled?: () => boolean): Promise<EvalSet> {
  const key = JSON.stringify([p.seed, p.skew, p.noise, p.drift, name, days, rows]);
  const hit = cache.get(key);
  if (hit) return hit;
  const n = Math.min(rows, Math.max(KEEP_NEGATIVES, Math.round(KEEP_POSITIVES / Math.max(p.skew, 1e-9))));
  const negKeep = Math.min(1, KEEP_NEGATIVES / n);
  const cols = await generateRows(worldFor(p), { rows: n, stream: `clean-${name}`, days, negKeep, keepBy: 'truth' }, undefined, cancelled);
  const set: EvalSet = { name, cols, labels: cols.truth };
  cache.set(key, set);
  return set;
}

/** The old-test stream: clean rows over the model's own training days. */
export function oldTestSet(p: WorldParams, days: [number, number], cancelled?: () => boolean): Promise<EvalSet> {
  return cleanSet(p, 'old_test', days, OLD_TEST_ROWS, cancelled);
}

/** Yesterday (day 89), clean. */
export function yesterdaySet(p: WorldParams, cancelled?: () => boolean): Promise<EvalSet> {
  return cleanSet(p, 'yesterday', [89, 89], YESTERDAY_ROWS, cancelled);
}

/** Clean rows over days `from`–89 (for AUC per day and the freshness chart). */
export function perDaySet(p: WorldParams, from: number, cancelled?: () => boolean): Promise<EvalSet> {
  return cleanSet(p, `per_day_${from}`, [from, 89], Math.round((PER_DAY_ROWS * (90 - from)) / 45), cancelled);
}
