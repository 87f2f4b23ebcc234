// The freshness chart's numbers: each curve smoothed over 5-day means (a few dozen positives a day
// make single days noisy), and the two ends the text compares: the first 5 days and the last 5, each
// mean with its standard error (step 10's verdict on them is src/lib/story/fresh-claim.ts).
import { aucStandardError } from '../story/noise.ts';

/** One point of a freshness curve: AUC on a day, by days since the last training day. */
export interface FreshPoint {
  daysSince: number;
  auc: number;
  /** Positives and rows the day's AUC was measured on (its standard error comes from them). */
  positives?: number;
  rows?: number;
}

/** Days in each mean the chart draws and the text quotes. */
export const FRESH_MEAN_DAYS = 5;

/** Each point replaced by the mean of the 5 points around it (the window shifted inward at the ends, so every mean covers 5 days); NaN points dropped. */
export function smoothFreshness(points: readonly FreshPoint[], k = FRESH_MEAN_DAYS): FreshPoint[] {
  const pts = points.filter((p) => Number.isFinite(p.auc));
  const w = Math.min(k, pts.length);
  return pts.map((p, i) => {
    const from = Math.min(Math.max(0, i - Math.floor(w / 2)), pts.length - w);
    let s = 0;
    for (let j = from; j < from + w; j++) s += pts[j]!.auc;
    return { daysSince: p.daysSince, auc: s / w };
  });
}

/** What the text says about one curve: its mean AUC over the first and over the last 5 days after training. */
export interface FreshSummary {
  endDay: number;
  /** Mean AUC over days 1–5 after training (the chart's first point). */
  early: number;
  /** Mean AUC over the last 5 days tested (the chart's last point). */
  late: number;
  /** Standard errors of the two means: √(Σ se²) / k over their days, each day's se by Hanley & McNeil (NaN without counts). */
  earlySe: number;
  lateSe: number;
  /** First and last day since training of the late mean. */
  lateFrom: number;
  lateTo: number;
  /** early − late: positive when the model lost ground. */
  loss: number;
}

/** Standard error of the mean AUC of some days, each day's AUC an independent sample. */
export function meanAucSe(points: readonly FreshPoint[]): number {
  if (!points.length) return NaN;
  let v = 0;
  for (const p of points) {
    const se = p.positives !== undefined && p.rows !== undefined ? aucStandardError(p.auc, p.positives, p.rows - p.positives) : NaN;
    v += se * se;
  }
  return Math.sqrt(v) / points.length;
}

/** The first and last 5-day means of a curve, exactly the ends of its line on the chart, with their standard errors. */
export function summarizeFreshness(curve: { endDay: number; points: readonly FreshPoint[] }, k = FRESH_MEAN_DAYS): FreshSummary {
  const pts = curve.points.filter((p) => Number.isFinite(p.auc));
  const s = smoothFreshness(pts, k);
  const early = s[0]?.auc ?? NaN;
  const late = s.at(-1)?.auc ?? NaN;
  const w = Math.min(k, pts.length);
  const lateTo = pts.at(-1)?.daysSince ?? 0;
  const lateFrom = pts[Math.max(0, pts.length - w)]?.daysSince ?? 0;
  return { endDay: curve.endDay, early, late, earlySe: meanAucSe(pts.slice(0, w)), lateSe: meanAucSe(pts.slice(pts.length - w)), lateFrom, lateTo, loss: early - late };
}
