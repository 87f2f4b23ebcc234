// Business totals of an ad system over some traffic (revenue = Σ clicks × CPC, CTR, eCPM, ads per query): the sums the simulator's days accumulate and the rates read off them.

/** Totals accumulated over a period. */
export interface BusinessTotals {
  queries: number;
  impressions: number;
  clicks: number;
  /** Dollars: Σ over clicks of the clicked ad's cost per click. */
  revenue: number;
}

/** The derived business metrics of a period (NaN where undefined: no impressions, no queries). */
export interface BusinessMetrics extends BusinessTotals {
  /** Clicks per impression. */
  ctr: number;
  /** Revenue per thousand impressions (dollars). */
  ecpm: number;
  /** Impressions per query (the ad load). */
  adsPerQuery: number;
  /** Revenue per query (dollars). */
  revenuePerQuery: number;
}

/** Empty totals to accumulate into. */
export function emptyTotals(): BusinessTotals {
  return { queries: 0, impressions: 0, clicks: 0, revenue: 0 };
}

/** CTR, eCPM, ads per query and revenue per query from totals. */
export function businessMetrics(t: BusinessTotals): BusinessMetrics {
  return {
    ...t,
    ctr: t.impressions > 0 ? t.clicks / t.impressions : NaN,
    ecpm: t.impressions > 0 ? (1000 * t.revenue) / t.impressions : NaN,
    adsPerQuery: t.queries > 0 ? t.impressions / t.queries : NaN,
    revenuePerQuery: t.queries > 0 ? t.revenue / t.queries : NaN,
  };
}
