// The impressions policy's ad load, chosen by its own objective: a short launch test of a few
// candidate bars on the model's predicted probability, each on its own share of the users beside
// the champion's share, keeping the bar with the most impressions whose revenue per query is at
// least the champion's (the short experiment that looks profitable: Hohnhold, O'Brien & Tang,
// "Focusing on the Long-term", KDD 2015).
import { seedKey, hashUniform } from '../../src/lib/market/index.ts';
import type { LaunchArm } from '../../src/lib/serving/types.ts';

import { BAR_GRID } from '../../src/lib/serving/constants.ts';
/** The grid the candidate bars come from (src/lib/serving/constants.ts). */
export { BAR_GRID };
/** How many candidate bars a launch test tries. */
export const BAR_COUNT = 6;
/** Where the bars start for a model whose scores are high enough (the grid's 0.001). */
const HIGHEST_START = BAR_GRID.indexOf(0.001);

/**
 * The candidate bars for a model, from its predicted probabilities on the shadow requests'
 * candidates: BAR_COUNT consecutive grid values starting at 0.001, or lower for a model whose
 * median candidate score is below 0.001, at the grid value just below that median. Models differ
 * in calibration by orders of magnitude (one trained on the 0.02% "show" rate predicts about that
 * rate; a down-sampled one about w⁻¹ times more), and a fixed grid would leave a low-calibrated
 * model no bar that shows more ads than the champion; starting at the median, the lowest bar can
 * fill the page and the highest shows almost nothing, and the objective chooses between them.
 */
export function launchBars(scores: Float32Array): number[] {
  const sorted = Float32Array.from(scores).sort();
  const median = sorted.length > 0 ? (sorted[Math.floor(sorted.length / 2)] as number) : 1;
  let start = HIGHEST_START;
  while (start > 0 && (BAR_GRID[start] as number) > median) start--;
  return BAR_GRID.slice(start, start + BAR_COUNT);
}

/** The rule in words, shown beside the arms. */
export const LAUNCH_RULE =
  'Each candidate bar serves its own share of the users beside the champion’s share; the impressions objective keeps the bar with the most impressions per query whose revenue per query is at least the champion’s.';

/** Arm of each followed user: 0 is the champion's share, 1… the bars in order (a seeded hash of the user id). */
export function armsOfUsers(users: number, arms: number, salt: string): Uint8Array {
  const key = seedKey(`launch/${salt}`);
  const out = new Uint8Array(users);
  for (let u = 0; u < users; u++) out[u] = Math.min(arms - 1, Math.floor(hashUniform(key, u, 0, 0) * arms));
  return out;
}

/** An arm's numbers from its totals. */
export function launchArm(bar: number | null, users: number, t: { queries: number; impressions: number; revenue: number }): LaunchArm {
  const q = Math.max(1, t.queries);
  return { bar, users, queries: t.queries, impressions: t.impressions, revenue: t.revenue, impressionsPerQuery: t.impressions / q, revenuePerQuery: t.revenue / q, chosen: false };
}

/** Marks the kept arm (arms[0] is the champion's) and returns its index, or −1 when no bar earns at least the champion's revenue per query while showing more. */
export function chooseArm(arms: LaunchArm[]): number {
  const control = arms[0];
  if (!control) return -1;
  let best = -1;
  for (let i = 1; i < arms.length; i++) {
    const a = arms[i] as LaunchArm;
    if (a.revenuePerQuery < control.revenuePerQuery || a.impressionsPerQuery <= control.impressionsPerQuery) continue;
    if (best < 0 || a.impressionsPerQuery > (arms[best] as LaunchArm).impressionsPerQuery) best = i;
  }
  arms.forEach((a, i) => (a.chosen = i === best));
  return best;
}
