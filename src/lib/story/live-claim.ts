// What step 12 may say about the impressions policy's live fortnight: whether its impressions, CTR
// and revenue rose, fell or stayed within the day-to-day noise from the first days to the last,
// and which lesson that supports. The noise rule: the change of the daily mean between the first
// and the last WINDOW_DAYS days counts only when it exceeds twice its standard error and 1% of the
// first days' level. The day-to-day spread comes from all the days' successive differences (the
// mean square successive difference, von Neumann et al., Ann. Math. Stat. 1941), which a steady
// trend barely inflates, where the spread inside two three-day windows would be both crude and
// swollen by the launch-test day.
import { WINDOW_DAYS } from '../serving/dashboard.ts';
import type { PolicyDay } from '../market/types.ts';
import { successiveVariance } from './noise.ts';

export { successiveVariance };

export type Direction = 'rose' | 'fell' | 'flat';

/** One measure's trend: the window totals the dashboard shows, their relative change, and the rule's threshold. */
export interface Trend {
  direction: Direction;
  /** The measure over the first and the last window (sums; CTR as clicks ÷ impressions). */
  first: number;
  last: number;
  /** last ÷ first − 1. */
  change: number;
  /** The smallest relative change the rule counts as real here. */
  noise: number;
}

/**
 * The lesson the fortnight supports: the metric rose while revenue fell, or while revenue stayed
 * within the noise (the business did not follow the metric); the metric held while revenue fell;
 * both fell; or revenue rose, or neither moved, so the lesson does not show on this world.
 */
export type LiveLesson = 'metric-rose-business-fell' | 'metric-rose-business-flat' | 'metric-held-business-fell' | 'both-fell' | 'business-rose' | 'business-held';

export interface LiveClaim {
  lesson: LiveLesson;
  impressions: Trend;
  ctr: Trend;
  revenue: Trend;
  /** Days in each window. */
  window: number;
}

/** Smallest relative change counted as real, whatever the spread. */
export const MIN_RELATIVE_CHANGE = 0.01;

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** The trend of a daily measure; `total` turns a window's days into the figure the dashboard shows. */
function trendOf(days: readonly PolicyDay[], window: number, daily: (d: PolicyDay) => number, total: (days: readonly PolicyDay[]) => number): Trend {
  const first = days.slice(0, window);
  const last = days.slice(days.length - window);
  const m1 = mean(first.map(daily));
  const m2 = mean(last.map(daily));
  const se = Math.sqrt(successiveVariance(days.map(daily)) * (2 / window));
  const noise = Math.max(MIN_RELATIVE_CHANGE, m1 !== 0 ? (2 * se) / Math.abs(m1) : Number.POSITIVE_INFINITY);
  const change = total(last) / total(first) - 1;
  const rel = m2 / m1 - 1;
  const direction: Direction = !Number.isFinite(rel) || Math.abs(rel) <= noise ? 'flat' : rel > 0 ? 'rose' : 'fell';
  return { direction, first: total(first), last: total(last), change, noise };
}

const sum = (f: (d: PolicyDay) => number) => (days: readonly PolicyDay[]) => days.reduce((s, d) => s + f(d), 0);

/** The claim about a run of served days, or null with fewer than two windows' worth of days. */
export function liveClaim(days: readonly PolicyDay[], window = WINDOW_DAYS): LiveClaim | null {
  if (days.length < 2 * window || window < 2) return null;
  const impressions = trendOf(days, window, (d) => d.impressions, sum((d) => d.impressions));
  const ctr = trendOf(days, window, (d) => d.clicks / Math.max(1, d.impressions), (ds) => sum((d) => d.clicks)(ds) / Math.max(1, sum((d) => d.impressions)(ds)));
  const revenue = trendOf(days, window, (d) => d.revenue, sum((d) => d.revenue));
  const lesson: LiveLesson =
    revenue.direction === 'rose'
      ? 'business-rose'
      : revenue.direction === 'flat'
        ? impressions.direction === 'rose'
          ? 'metric-rose-business-flat'
          : 'business-held'
        : impressions.direction === 'rose'
          ? 'metric-rose-business-fell'
          : impressions.direction === 'flat'
            ? 'metric-held-business-fell'
            : 'both-fell';
  return { lesson, impressions, ctr, revenue, window };
}

/**
 * The users' mean blindness to ads (the simulator's measured state, on each served day) over the
 * first and last window, by the same rule: the evidence for "its users learn to ignore ads" (rose)
 * or "recover" (fell), instead of restating how the simulator is built. Null with too few days.
 */
export function blindnessTrend(days: readonly PolicyDay[], window = WINDOW_DAYS): Trend | null {
  if (days.length < 2 * window || window < 2) return null;
  const meanOf = (ds: readonly PolicyDay[]) => ds.reduce((s, d) => s + d.meanBlindness, 0) / Math.max(1, ds.length);
  return trendOf(days, window, (d) => d.meanBlindness, meanOf);
}

/** Step 12's question, once the fortnight has been served: it asks about what happened. */
export function liveQuestion(c: LiveClaim): string {
  switch (c.lesson) {
    case 'metric-rose-business-fell':
      return 'Impressions went up. Why did revenue go down?';
    case 'metric-rose-business-flat':
      return 'Impressions went up. Why did revenue not?';
    case 'metric-held-business-fell':
      return 'Impressions held. Why did revenue go down?';
    case 'both-fell':
      return 'Impressions and revenue both went down. Is the impressions metric to blame?';
    case 'business-rose':
      return 'Revenue rose on this world. Does the impressions metric still cost the business?';
    case 'business-held':
      return 'Neither impressions nor revenue moved beyond the noise on this world. Does the impressions metric still cost the business?';
  }
}
