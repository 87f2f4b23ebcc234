// Latency bookkeeping of the serving worker: samples in milliseconds, their percentiles, and
// requests per second over the wall-clock time spent scoring.

/** Percentiles of a latency sample, ms (NaN when empty). */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

/** The q-quantile (0…1) of values by the nearest-rank rule (NaN when empty). */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** Several q-quantiles of values by the nearest-rank rule, sorting once (NaN when empty). */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  if (values.length === 0) return qs.map(() => Number.NaN);
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return qs.map((q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number);
}

/** p50, p95 and p99 of a sample. */
export function summarize(values: readonly number[]): LatencySummary {
  return { p50: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), count: values.length };
}
