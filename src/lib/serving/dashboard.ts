// The business dashboard's numbers: totals over the first days, the last days and the whole run,
// and the paired day-by-day revenue difference of two policies served on the same traffic.
import { sumDays } from '../market/day.ts';
import type { PolicyDay } from '../market/types.ts';

/** Days in the "first days" and "last days" windows (days 1–3 and 12–14 of a fortnight). */
export const WINDOW_DAYS = 3;

/** The days a kept policy served alone: every report but a launch test's (whose day mixes the arms' ads). */
export function aloneReports<R extends { launch?: unknown }>(reports: readonly R[]): R[] {
  return reports.filter((r) => r.launch === undefined);
}

/** Business numbers of a run of days: a policy day's totals and rates, without its day, queries and blindness. */
export type BusinessNumbers = Pick<PolicyDay, 'impressions' | 'clicks' | 'ctr' | 'revenue' | 'ecpm' | 'adsPerQuery'>;

/** Totals of a set of days (NaN rates when empty). */
export function numbersOf(days: readonly PolicyDay[]): BusinessNumbers {
  const t = sumDays(days);
  return {
    impressions: t.impressions,
    clicks: t.clicks,
    ctr: t.impressions > 0 ? t.clicks / t.impressions : Number.NaN,
    revenue: t.revenue,
    ecpm: t.impressions > 0 ? (1000 * t.revenue) / t.impressions : Number.NaN,
    adsPerQuery: t.queries > 0 ? t.impressions / t.queries : Number.NaN,
  };
}

/** The three splits of the contract: first_days, last_days, total. */
export function splitsOf(days: readonly PolicyDay[]): Record<'first_days' | 'last_days' | 'total', BusinessNumbers> {
  return { first_days: numbersOf(days.slice(0, WINDOW_DAYS)), last_days: numbersOf(days.slice(Math.max(0, days.length - WINDOW_DAYS))), total: numbersOf(days) };
}

/** Day-by-day revenue difference b − a over the days both served: total, mean, standard deviation, range. */
export function pairedRevenue(a: readonly PolicyDay[], b: readonly PolicyDay[]): { total: number; mean: number; sd: number; min: number; max: number; days: number; diffs: number[] } {
  const n = Math.min(a.length, b.length);
  const diffs = Array.from({ length: n }, (_, i) => (b[i] as PolicyDay).revenue - (a[i] as PolicyDay).revenue);
  const total = diffs.reduce((s, d) => s + d, 0);
  const mean = n > 0 ? total / n : Number.NaN;
  const sd = n > 1 ? Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1)) : Number.NaN;
  return { total, mean, sd, min: n > 0 ? Math.min(...diffs) : Number.NaN, max: n > 0 ? Math.max(...diffs) : Number.NaN, days: n, diffs };
}

/** Throughput over several served days: items over the worker's total scoring time (items per second). */
export function throughput(days: readonly { count: number; perSec: number }[]): number {
  const n = days.reduce((s, d) => s + d.count, 0);
  const secs = days.reduce((s, d) => s + d.count / d.perSec, 0);
  return secs > 0 ? n / secs : Number.NaN;
}
