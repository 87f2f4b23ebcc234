// A day's business metrics from its totals (revenue = Σ clicks × CPC; CTR, eCPM, ads per query).
import { businessMetrics, type BusinessTotals } from '../sim/totals.ts';
import type { PolicyDay } from './types.ts';

/** The metrics of one simulated day from its totals and its users' mean blindness. */
export function policyDay(day: number, t: BusinessTotals, meanBlindness: number): PolicyDay {
  const m = businessMetrics(t);
  return {
    day,
    queries: m.queries,
    impressions: m.impressions,
    clicks: m.clicks,
    ctr: m.ctr,
    revenue: m.revenue,
    ecpm: m.ecpm,
    adsPerQuery: m.adsPerQuery,
    meanBlindness,
  };
}

/** Totals of a run of days. */
export function sumDays(days: readonly PolicyDay[]): BusinessTotals {
  const t: BusinessTotals = { queries: 0, impressions: 0, clicks: 0, revenue: 0 };
  for (const d of days) {
    t.queries += d.queries;
    t.impressions += d.impressions;
    t.clicks += d.clicks;
    t.revenue += d.revenue;
  }
  return t;
}

/** CTR and mean daily revenue over days [from, to) of a run (averaging a few days beats daily noise). */
export function windowMetrics(days: readonly PolicyDay[], from: number, to: number): { ctr: number; revenuePerDay: number; adsPerQuery: number } {
  const part = days.slice(from, to);
  const t = sumDays(part);
  return {
    ctr: t.impressions > 0 ? t.clicks / t.impressions : NaN,
    revenuePerDay: part.length > 0 ? t.revenue / part.length : NaN,
    adsPerQuery: t.queries > 0 ? t.impressions / t.queries : NaN,
  };
}
