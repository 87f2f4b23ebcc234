// Step 1's lever: impressions are capped by the ads a query may carry, so ad load (ads per query) is
// what a team maximising impressions pulls. Computed from the baseline's simulated days: its queries
// and impressions a day, and the most impressions each ad load could buy (queries × ads a query, an
// upper bound: a query with fewer candidates fills fewer slots).
import { count, fixed } from './format.ts';

export interface LeverRow {
  adsPerQuery: number;
  /** Most impressions a day at this ad load. */
  impressions: number;
}

export interface LeverClaim {
  queriesPerDay: number;
  impressionsPerDay: number;
  /** Impressions per query, measured. */
  adsPerQuery: number;
  /** The baseline's cap. */
  maxAds: number;
  /** The measured load fills the cap (within 1%). */
  full: boolean;
  rows: LeverRow[];
  /** The chart's title: what the rule's load buys and what the largest load would. */
  title: string;
  sentence: string;
}

/** The ad loads the lever chart shows: 1 to 8 ads a query. */
export const LEVER_LOADS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** What a day of the baseline needs to carry for the lever: its queries and impressions. */
export interface LoadDay {
  queries: number;
  impressions: number;
}

export function leverClaim(days: readonly LoadDay[], maxAds: number, loads: readonly number[] = LEVER_LOADS): LeverClaim | null {
  if (days.length === 0) return null;
  const queries = days.reduce((s, d) => s + d.queries, 0) / days.length;
  const impressions = days.reduce((s, d) => s + d.impressions, 0) / days.length;
  const adsPerQuery = queries > 0 ? impressions / queries : Number.NaN;
  const full = adsPerQuery >= maxAds * 0.99;
  const rows = loads.map((k) => ({ adsPerQuery: k, impressions: k === maxAds ? impressions : queries * k }));
  const more = rows.find((r) => r.adsPerQuery === maxAds + 1);
  const gain = more && impressions > 0 ? more.impressions / impressions - 1 : Number.NaN;
  const fill = full
    ? `every query already carries its ${maxAds} ads`
    : `a query carries ${fixed(adsPerQuery, 2)} ads on average, under the cap of ${maxAds}`;
  const sentence =
    `The baseline shows at most ${maxAds} ads a query: ${count(impressions)} impressions a day from ${count(queries)} queries, and ${fill}. ` +
    (more && Number.isFinite(gain)
      ? `So impressions grow by showing more ads a query: ${maxAds + 1} a query would buy up to ${count(more.impressions)} a day (${gain >= 0 ? '+' : ''}${Math.round(gain * 100)}%), without showing a single better ad. That lever is what tempts a team that counts impressions.`
      : '');
  const most = rows.reduce((a, r) => (r.adsPerQuery > a.adsPerQuery ? r : a), rows[0]!);
  const title =
    most.adsPerQuery > maxAds && impressions > 0
      ? `The rule’s ${maxAds} ads a query buy ${count(impressions)} impressions a day; ${most.adsPerQuery} a query would buy up to ${count(most.impressions)} (${fixed(most.impressions / impressions, 1)}×)`
      : `The rule’s ${maxAds} ads a query buy ${count(impressions)} impressions a day`;
  return { queriesPerDay: queries, impressionsPerDay: impressions, adsPerQuery, maxAds, full, rows, title, sentence };
}
