// The freshness chart's numbers: each curve smoothed over 5-day means (a few dozen positives a day
// make single days noisy), and what the text says about it (the first 5 days against the last 5).

/** One point of a freshness curve: AUC on a day, by days since the last training day. */
export interface FreshPoint {
  daysSince: number;
  auc: number;
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
  /** First and last day since training of the late mean. */
  lateFrom: number;
  lateTo: number;
  /** early − late: positive when the model lost ground. */
  loss: number;
}

/** The first and last 5-day means of a curve, exactly the ends of its line on the chart. */
export function summarizeFreshness(curve: { endDay: number; points: readonly FreshPoint[] }, k = FRESH_MEAN_DAYS): FreshSummary {
  const pts = curve.points.filter((p) => Number.isFinite(p.auc));
  const s = smoothFreshness(pts, k);
  const early = s[0]?.auc ?? NaN;
  const late = s.at(-1)?.auc ?? NaN;
  const lateTo = pts.at(-1)?.daysSince ?? 0;
  const lateFrom = pts[Math.max(0, pts.length - Math.min(k, pts.length))]?.daysSince ?? 0;
  return { endDay: curve.endDay, early, late, lateFrom, lateTo, loss: early - late };
}

/** Smallest change between the first and last 5-day means the text calls a change (a few dozen positives a day). */
export const FRESH_NOISE = 0.02;

/** What the curves show together. */
export interface FreshVerdict {
  /** The curve that lost the most (null without curves). */
  worst: FreshSummary | null;
  /** Curves whose last 5-day mean is below their first by at least the noise. */
  losing: FreshSummary[];
  /** Curves whose last 5-day mean is above their first by at least the noise. */
  gaining: FreshSummary[];
  /** Curves that change by less than the noise. */
  steady: FreshSummary[];
}

/** Which curves lose, gain or hold between their first and last 5 days, at a given noise level. */
export function freshnessVerdict(sums: readonly FreshSummary[], noise = FRESH_NOISE): FreshVerdict {
  const worst = sums.reduce<FreshSummary | null>((a, e) => (!a || e.loss > a.loss ? e : a), null);
  return {
    worst,
    losing: sums.filter((e) => e.loss >= noise),
    gaining: sums.filter((e) => -e.loss >= noise),
    steady: sums.filter((e) => Math.abs(e.loss) < noise),
  };
}
