// What step 12 may say about the impressions policy's live days against the rule-based baseline
// serving the same requests to a held-out copy of the users (a holdback): whether the policy
// "seems to perform well" (more impressions per request than the baseline, beyond the noise, and
// kept), whether its CTR fell, and whether its revenue relative to the baseline's fell from the
// first days to the last, having started above it. Measured against the holdback, the season that
// moves both arms cancels out, so a fall is the users learning, not the calendar (the short-term
// against long-term divergence of Hohnhold, O'Brien & Tang, KDD 2015). Every rule is the one
// live-claim.ts uses: a change counts only beyond twice its standard error, from the days'
// successive differences (von Neumann et al. 1941), and at least MIN_RELATIVE_CHANGE.
import type { PolicyDay } from '../market/types.ts';
import { WINDOW_DAYS } from '../serving/dashboard.ts';
import { MIN_RELATIVE_CHANGE, blindnessTrend, liveClaim, type Trend } from './live-claim.ts';
import { successiveVariance } from './noise.ts';
import { percent } from './format.ts';

/** A ratio of the policy's daily measure to the baseline's on the same requests, with its verdict. */
export interface Lift {
  /** Σ policy ÷ Σ baseline over the days. */
  ratio: number;
  /** The smallest |ratio − 1| counted as real. */
  noise: number;
  above: boolean;
  below: boolean;
}

/** The revenue relative to the baseline's, first window against last. */
export interface RelativeTrend extends Trend {
  /** The policy's revenue ÷ the baseline's in the first and the last window. */
  firstRatio: number;
  lastRatio: number;
  /** The first window's ratio is above 1 beyond the noise: the launch looked good. */
  startedAbove: boolean;
}

export interface HoldbackClaim {
  /** Impressions per request against the baseline's, over every day. */
  impressionsLift: Lift;
  /** The policy's own impressions, CTR, from the first days to the last. */
  impressions: Trend;
  ctr: Trend;
  /** Revenue ÷ the baseline's revenue, first days to last. */
  revenue: RelativeTrend;
  /** The baseline's day-to-day revenue noise: the successive-difference spread ÷ its mean. */
  baselineNoise: number;
  /** The users' measured blindness, first days to last (null with too few days). */
  blindness: Trend | null;
  /** Every part of the book's trigger held. */
  trigger: boolean;
  /** The parts that did not happen, in words (empty when the trigger held). */
  missing: string[];
  window: number;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The baseline's day-to-day revenue noise (successive-difference spread ÷ mean); NaN with fewer than two days. */
export function revenueNoise(days: readonly PolicyDay[]): number {
  if (days.length < 2) return Number.NaN;
  const xs = days.map((d) => d.revenue);
  return Math.sqrt(successiveVariance(xs)) / (sum(xs) / xs.length);
}

/** A daily ratio's first and last windows by the shared rule; the ratio of each window is Σ a ÷ Σ b. */
function ratioTrend(a: readonly number[], b: readonly number[], window: number): RelativeTrend {
  const daily = a.map((x, i) => x / (b[i] as number));
  const n = daily.length;
  const firstRatio = sum(a.slice(0, window)) / sum(b.slice(0, window));
  const lastRatio = sum(a.slice(n - window)) / sum(b.slice(n - window));
  const se = Math.sqrt(successiveVariance(daily) * (2 / window));
  const noise = Math.max(MIN_RELATIVE_CHANGE, (2 * se) / Math.abs(firstRatio));
  const change = lastRatio / firstRatio - 1;
  const direction = !Number.isFinite(change) || Math.abs(change) <= noise ? 'flat' : change > 0 ? 'rose' : 'fell';
  // Above the baseline at the start: the first window's daily ratios' mean beyond twice their standard error (and the floor).
  const firstDaily = daily.slice(0, window);
  const seFirst = Math.sqrt(successiveVariance(daily) / window);
  const startedAbove = firstRatio - 1 > Math.max(MIN_RELATIVE_CHANGE, 2 * seFirst) && firstDaily.length === window;
  return { direction, first: firstRatio, last: lastRatio, change, noise, firstRatio, lastRatio, startedAbove };
}

/** Σ a ÷ Σ b over every day, against 1 by twice the standard error of the daily ratios' mean. */
function liftOf(a: readonly number[], b: readonly number[]): Lift {
  const daily = a.map((x, i) => x / (b[i] as number));
  const ratio = sum(a) / sum(b);
  const noise = Math.max(MIN_RELATIVE_CHANGE, 2 * Math.sqrt(successiveVariance(daily) / Math.max(1, daily.length)));
  return { ratio, noise, above: ratio - 1 > noise, below: 1 - ratio > noise };
}

/** The claim about the days a policy served alone beside the baseline on the same requests; null with fewer than two windows of days. */
export function holdbackClaim(served: readonly PolicyDay[], control: readonly PolicyDay[], window = WINDOW_DAYS): HoldbackClaim | null {
  const n = Math.min(served.length, control.length);
  if (n < 2 * window || window < 2) return null;
  const s = served.slice(0, n);
  const c = control.slice(0, n);
  const live = liveClaim(s, window);
  if (!live) return null;
  const perRequest = (d: PolicyDay) => d.impressions / Math.max(1, d.queries);
  const impressionsLift = liftOf(s.map(perRequest), c.map(perRequest));
  const revenue = ratioTrend(
    s.map((d) => d.revenue),
    c.map((d) => d.revenue),
    window,
  );
  const missing: string[] = [];
  if (!impressionsLift.above) missing.push(`it did not show more ads a request than the baseline beyond the noise (${percent(impressionsLift.ratio - 1)} against a noise of ${percent(impressionsLift.noise)})`);
  if (live.impressions.direction === 'fell') missing.push(`its impressions fell from the first days to the last`);
  if (live.ctr.direction !== 'fell') missing.push(`its CTR did not fall beyond the noise (${percent(live.ctr.change)}, noise ${percent(live.ctr.noise)})`);
  if (!revenue.startedAbove) missing.push(`its revenue did not start above the baseline’s beyond the noise (${percent(revenue.firstRatio - 1)} in the first days)`);
  if (revenue.direction !== 'fell') missing.push(`its revenue against the baseline’s did not fall beyond the noise (${percent(revenue.change)}, noise ${percent(revenue.noise)})`);
  return {
    impressionsLift,
    impressions: live.impressions,
    ctr: live.ctr,
    revenue,
    baselineNoise: revenueNoise(c),
    blindness: blindnessTrend(s, window),
    trigger: missing.length === 0,
    missing,
    window,
  };
}

/** The headline of step 12's live days, from the claim. */
export function holdbackHeadline(h: HoldbackClaim): string {
  const imp = `Impressions ${h.impressionsLift.above ? 'up' : h.impressionsLift.below ? 'down' : 'level'} ${percent(Math.abs(h.impressionsLift.ratio - 1))} on the baseline`;
  const rev =
    h.revenue.direction === 'fell'
      ? `revenue down ${percent(-h.revenue.change)} against it since launch`
      : h.revenue.direction === 'rose'
        ? `revenue up ${percent(h.revenue.change)} against it since launch`
        : `revenue against it within the day-to-day noise since launch (${h.revenue.change >= 0 ? 'up' : 'down'} ${percent(Math.abs(h.revenue.change))})`;
  return `${imp}, ${rev}`;
}

/** Step 12's question, from the claim: the book's when the trigger held, else what did happen. */
export function holdbackQuestion(h: HoldbackClaim): string {
  if (h.trigger) return 'Why is revenue falling?';
  if (h.revenue.direction === 'fell') return 'Revenue is falling against the baseline. Why?';
  if (h.revenue.direction === 'rose') return 'Revenue rose against the baseline on this world. Does the impressions metric still cost the business?';
  return 'Revenue held against the baseline on this world. Does the impressions metric still cost the business?';
}
