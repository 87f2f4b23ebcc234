// Monitoring of a served day: throughput, latency, the prediction's distribution and feature drift
// against the serving model's training days, and the alerts they raise. Plain TypeScript.
import type { DayStream, PolicyDay } from '../../src/lib/market/index.ts';
import type { MonitorDay, ServingAlert } from '../../src/lib/serving/types.ts';
import type { AdIndex } from '../../src/lib/market/stream.ts';
import type { World } from '../../src/lib/sim/world.ts';
import { CTR_DROP } from '../../src/lib/serving/constants.ts';
import { DRIFT_FEATURES, PSI_ALERT, driftOf, referenceOf, type Reference } from './drift.ts';
import { quantiles, summarize } from './latency.ts';
import type { ServedPolicy } from './policies.ts';
import { viewColumns } from '../../src/lib/sim/columns.ts';
import { BATCH_QUERIES, REQUEST_SAMPLE } from './session-config.ts';

/** p99 batch latency (ms) above which a latency alert fires. */
export const LATENCY_ALERT_MS = 50;
/** Relative change of the mean prediction (vs the first served day) that raises a prediction-drift alert. */
export const PREDICTION_DRIFT = 0.25;

/** Most scores the day's prediction percentiles are read from. */
export const PERCENTILE_SAMPLE = 32768;

/** What a served day's monitoring measured beside the scores. */
export interface Timings {
  scoringMs: number;
  batchMs: number[];
  requestMs: number[];
}

/** Scores a day's requests with a policy in batches of BATCH_QUERIES, timing each batch, and one request in REQUEST_SAMPLE alone. */
export function scoreTimed(champ: ServedPolicy, s: DayStream, now: () => number): { scores: Float32Array; timings: Timings } {
  const scores = new Float32Array(s.cands.n);
  const batchMs: number[] = [];
  const requestMs: number[] = [];
  const C = s.cands.n / Math.max(1, s.queries);
  let scoring = 0;
  for (let q = 0; q < s.queries; q += BATCH_QUERIES) {
    const e = Math.min(s.queries, q + BATCH_QUERIES);
    const part = viewColumns(s.cands, q * C, e * C);
    const t0 = now();
    scores.set(champ.policy.score(part), q * C);
    const ms = now() - t0;
    batchMs.push(ms);
    scoring += ms;
  }
  for (let q = 0; q < s.queries; q += REQUEST_SAMPLE) {
    const t0 = now();
    champ.policy.score(viewColumns(s.cands, q * C, (q + 1) * C));
    requestMs.push(now() - t0);
  }
  return { scores, timings: { scoringMs: scoring, batchMs, requestMs } };
}

/** Feature references of training-day ranges, computed once per range. */
export class References {
  #refs = new Map<string, Reference>();
  constructor(
    readonly world: World,
    readonly index: AdIndex,
  ) {}

  of(days: [number, number]): Reference {
    const key = `${days[0]}-${days[1]}`;
    let ref = this.#refs.get(key);
    if (!ref) {
      ref = referenceOf(this.world, this.index, days, 16);
      this.#refs.set(key, ref);
    }
    return ref;
  }
}

/** The monitoring of one served day. */
export function monitorDay(refs: References, startDay: number, s: DayStream, champ: ServedPolicy, scores: Float32Array, t: Timings): MonitorDay {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += scores[i] as number;
  const ref = refs.of(champ.model?.days ?? [0, startDay - 1]);
  const secs = Math.max(1e-6, t.scoringMs / 1000);
  // Percentiles of a systematic sample of at most PERCENTILE_SAMPLE scores (sorting a busy day's every score costs more than it tells).
  const step = Math.max(1, Math.ceil(scores.length / PERCENTILE_SAMPLE));
  const sample = step === 1 ? scores : Float32Array.from({ length: Math.floor(scores.length / step) }, (_, i) => scores[i * step] as number);
  const [p10, p50, p90] = quantiles(sample, [0.1, 0.5, 0.9]) as [number, number, number];
  return {
    day: s.day,
    champion: champ.label,
    requests: s.queries,
    candidates: s.cands.n,
    requestsPerSec: s.queries / secs,
    candidatesPerSec: s.cands.n / secs,
    batch: summarize(t.batchMs),
    request: summarize(t.requestMs),
    prediction: { p10, p50, p90, mean: sum / Math.max(1, scores.length) },
    drift: driftOf(ref, s.cands, 16),
  };
}

/** The reference the prediction-drift and CTR alerts compare each day with. */
export interface AlertReference {
  day: number;
  mean: number;
  ctr: number;
}

/** The alerts of a served day against the reference day (none of those two kinds without one). */
export function alertsOf(served: PolicyDay, m: MonitorDay, ref: AlertReference | null): ServingAlert[] {
  const out: ServingAlert[] = [];
  const at = { day: m.day, hour: 24 };
  for (const f of DRIFT_FEATURES) {
    const v = m.drift[f] as number;
    if (v >= PSI_ALERT) out.push({ kind: 'feature_drift', ...at, value: v, threshold: PSI_ALERT, message: `${f}: PSI ${v.toFixed(2)} against the training days` });
  }
  if (m.batch.p99 > LATENCY_ALERT_MS) out.push({ kind: 'latency', ...at, value: m.batch.p99, threshold: LATENCY_ALERT_MS, message: `p99 batch latency ${m.batch.p99.toFixed(1)} ms` });
  if (ref && Number.isFinite(ref.mean)) {
    const shift = Math.abs(m.prediction.mean / ref.mean - 1);
    if (shift >= PREDICTION_DRIFT) out.push({ kind: 'prediction_drift', ...at, value: shift, threshold: PREDICTION_DRIFT, message: `mean prediction moved ${(100 * shift).toFixed(0)}% since day ${ref.day}` });
    const drop = 1 - served.ctr / ref.ctr;
    if (drop >= CTR_DROP) out.push({ kind: 'ctr_drop', ...at, value: drop, threshold: CTR_DROP, message: `CTR ${(100 * drop).toFixed(0)}% below day ${ref.day}` });
  }
  return out;
}

/**
 * The day's alerts and the reference the next day compares with. The prediction-drift and CTR
 * alerts compare each day with the kept policy's first day alone: a launch test's day mixes the
 * arms' ads, so it is never the reference.
 */
export function dayAlerts(ref: AlertReference | null, served: PolicyDay, m: MonitorDay, launch: boolean): { ref: AlertReference | null; alerts: ServingAlert[] } {
  if (launch) return { ref: null, alerts: alertsOf(served, m, null) };
  if (!ref || !Number.isFinite(ref.mean)) return { ref: { day: m.day, mean: m.prediction.mean, ctr: served.ctr }, alerts: alertsOf(served, m, null) };
  return { ref, alerts: alertsOf(served, m, ref) };
}
