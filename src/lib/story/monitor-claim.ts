// What step 11 may say about the monitoring dashboard, computed from the served days: whether the
// click-through rate fell, rose or stayed within the day-to-day noise from the first WINDOW_DAYS
// days to the last (the same rule as step 12: twice the standard error from the days' successive
// differences, and at least 1% of the first days' level), how that reads beside the CTR alert (one
// threshold test of each day against the first), and which watched features crossed the PSI alert
// threshold, with the drift knob read: at drift 0 the world is stationary.
import { WINDOW_DAYS } from '../serving/dashboard.ts';
import { compareWindows, contradiction } from './noise.ts';
import { MIN_RELATIVE_CHANGE } from './live-claim.ts';

/** The CTR from the first days to the last: fell, rose, within the noise, or too few days to tell. */
export type CtrOutcome = 'fell' | 'rose' | 'flat' | 'too-few';

/** The CTR trend beside the CTR alert. */
export type AlertReading = 'alert-and-fall' | 'alert-no-fall' | 'fall-no-alert' | 'quiet';

/** The PSI alerts beside the drift knob. */
export type DriftReading = 'drift-alerts' | 'stationary-alerts' | 'no-alerts';

export interface MonitorClaim {
  ctr: CtrOutcome;
  /** Days served, and days in each window. */
  days: number;
  window: number;
  /** Mean daily CTR over the first and the last window (NaN with too few days). */
  first: number;
  last: number;
  /** The smallest |last − first| counted as real. */
  noise: number;
  /** Day-over-day falls of the CTR, out of days − 1 steps. */
  falls: number;
  /** CTR alerts raised, and their threshold (the relative drop of a day's CTR below the first day's). */
  ctrAlerts: number;
  ctrThreshold: number;
  reading: AlertReading;
  /** Feature-drift alerts, the features whose PSI crossed the threshold on some day, and that threshold. */
  driftAlerts: number;
  driftFeatures: string[];
  psiThreshold: number;
  /** The highest PSI of any watched feature on any day. */
  maxPsi: number;
  drift: number;
  driftReading: DriftReading;
}

/** One served day as the claim reads it. */
export interface MonitoredDay {
  clicks: number;
  impressions: number;
  /** PSI per watched feature against the training days. */
  psi: Record<string, number>;
}

/** One raised alert. */
export interface RaisedAlert {
  kind: string;
  threshold: number;
}

/**
 * Step 11's claim from the served days, the alerts raised, the alerts' thresholds (PSI, and the CTR
 * drop against the first day) and the drift knob. The daily CTR is clicks ÷ impressions; days
 * without impressions are left out.
 */
export function monitorClaim(
  days: readonly MonitoredDay[],
  alerts: readonly RaisedAlert[],
  thresholds: { psi: number; ctrDrop: number },
  drift: number,
  window = WINDOW_DAYS,
): MonitorClaim {
  const psiThreshold = thresholds.psi;
  const ctrs = days.filter((d) => d.impressions > 0).map((d) => d.clicks / d.impressions);
  const rough = compareWindows(ctrs, window);
  const w = rough ? compareWindows(ctrs, window, MIN_RELATIVE_CHANGE * Math.abs(rough.first)) : null;
  const ctr: CtrOutcome = !w ? 'too-few' : w.change === 'down' ? 'fell' : w.change === 'up' ? 'rose' : 'flat';
  let falls = 0;
  for (let i = 1; i < ctrs.length; i++) if ((ctrs[i] as number) < (ctrs[i - 1] as number)) falls++;
  const ctrAlerts = alerts.filter((a) => a.kind === 'ctr_drop');
  const driftAlerts = alerts.filter((a) => a.kind === 'feature_drift').length;
  const reading: AlertReading = ctrAlerts.length > 0 ? (ctr === 'fell' ? 'alert-and-fall' : 'alert-no-fall') : ctr === 'fell' ? 'fall-no-alert' : 'quiet';
  const maxOf = new Map<string, number>();
  for (const d of days) for (const [f, v] of Object.entries(d.psi)) if (Number.isFinite(v)) maxOf.set(f, Math.max(maxOf.get(f) ?? -Infinity, v));
  const driftFeatures = [...maxOf].filter(([, v]) => v >= psiThreshold).map(([f]) => f);
  const maxPsi = maxOf.size ? Math.max(...maxOf.values()) : Number.NaN;
  const driftReading: DriftReading = driftFeatures.length === 0 ? 'no-alerts' : drift === 0 ? 'stationary-alerts' : 'drift-alerts';
  return {
    ctr,
    days: days.length,
    window,
    first: w?.first ?? Number.NaN,
    last: w?.last ?? Number.NaN,
    noise: w?.noise ?? Number.NaN,
    falls,
    ctrAlerts: ctrAlerts.length,
    ctrThreshold: thresholds.ctrDrop,
    reading,
    driftAlerts,
    driftFeatures,
    psiThreshold,
    maxPsi,
    drift,
    driftReading,
  };
}

/** Sentences the claim contradicts, if any: its evidence re-checked (for the knob sweep). */
export function monitorContradictions(c: MonitorClaim): string[] {
  const out: string[] = [];
  const d = c.last - c.first;
  if (c.ctr !== 'too-few') {
    const x = contradiction('CTR', c.ctr === 'rose' ? 'up' : c.ctr === 'fell' ? 'down' : 'same', d, c.noise);
    if (x) out.push(x);
  }
  if (c.ctr === 'too-few' && c.days >= 2 * c.window) out.push(`ctr 'too few days' with ${c.days} days`);
  if (c.ctr !== 'too-few' && !(c.noise >= MIN_RELATIVE_CHANGE * Math.abs(c.first) - 1e-15)) out.push(`ctr noise ${c.noise} below the 1% floor`);
  if (c.falls > Math.max(0, c.days - 1)) out.push(`${c.falls} falls in ${c.days} days`);
  const alerted = c.ctrAlerts > 0;
  const fell = c.ctr === 'fell';
  const expected: AlertReading = alerted ? (fell ? 'alert-and-fall' : 'alert-no-fall') : fell ? 'fall-no-alert' : 'quiet';
  if (c.reading !== expected) out.push(`reading '${c.reading}' but alerts ${c.ctrAlerts}, ctr '${c.ctr}'`);
  if (c.driftReading === 'no-alerts' && c.maxPsi >= c.psiThreshold) out.push(`no PSI alert but a PSI of ${c.maxPsi}`);
  if (c.driftReading !== 'no-alerts' && !(c.maxPsi >= c.psiThreshold && c.driftFeatures.length > 0)) out.push(`PSI alerts but a highest PSI of ${c.maxPsi}`);
  if (c.driftReading === 'stationary-alerts' && c.drift !== 0) out.push(`'stationary' at drift ${c.drift}`);
  if (c.driftReading === 'drift-alerts' && c.drift === 0) out.push(`'drift' at drift 0`);
  return out;
}
