// Each step's claims from the results it shows, in one place: the step components render these,
// and the knob sweep (test/story/sweep.ts) computes them from the app's own pipeline and re-checks
// their evidence. A step's claims are null until the numbers they rest on are in.
import type { EvalReport } from '../lab/types.ts';
import type { DayAuc, DriftReport } from '../lab/drift-types.ts';
import type { PolicyDay } from '../market/types.ts';
import { confusionNear } from '../metrics/at-threshold.ts';
import { aucOn, contradiction } from './noise.ts';
import { rateNoise } from './calibration-claim.ts';
import { CALIBRATION_TOLERANCE } from '../labels/story.ts';
import { calibrationOutcome, collectClaim, imbalanceClaim, imbalanceContradictions, rankingOutcome, type CalibrationOutcome, type CollectClaim, type ImbalanceClaim, type RankingOutcome } from './imbalance-claim.ts';
import { compareClaim, compareContradictions, type CompareClaim } from './compare-claim.ts';
import { driftContradictions, recoveryClaim, reportClaim, staleClaim, trendClaim, type RecoveryClaim, type ReportClaim, type StaleClaim, type TrendClaim } from './drift-claim.ts';
import { liveClaim, type LiveClaim, type Trend } from './live-claim.ts';
import { switchClaim, type SwitchClaim } from './switch-claim.ts';

/** Step 7: the relabelled model beside a dummy at 0.5, how it ranks, and what collecting did. */
export interface Step7Claims {
  imbalance: ImbalanceClaim;
  ranking: RankingOutcome;
  /** Null until the rebalanced model is measured. */
  collect: CollectClaim | null;
}

/**
 * The weight of one sampled negative on a gold stream: the weighted negatives over the negatives
 * actually drawn (each kept negative stands for 1/keep of the stream's).
 */
export function negativeWeight(g: EvalReport): number {
  const at = confusionNear(g.confusion, 0.5);
  if (!at) return 1;
  return (at.fp + at.tn) / Math.max(1, g.rows - g.positives);
}

/** Twice the relative standard error of a report's observed rate (calibration-claim.ts), the noise a calibration ratio is read against. */
export function reportRateNoise(g: EvalReport): number {
  return rateNoise(g.positives, g.rows, negativeWeight(g));
}

export function step7Claims(clean: EvalReport, rebalanced?: EvalReport | null): Step7Claims | null {
  const at = confusionNear(clean.confusion, 0.5);
  if (!at) return null;
  const imbalance = imbalanceClaim(at, negativeWeight(clean));
  const collect = rebalanced
    ? collectClaim({ recall: clean.recall.value }, { recall: rebalanced.recall.value, precision: rebalanced.precision.value, calibration: rebalanced.calibration.value, calibrationNoise: reportRateNoise(rebalanced) }, at.tp + at.fn)
    : null;
  return { imbalance, ranking: rankingOutcome(clean.auc.value), collect };
}

/** Step 8: the three models on the gold stream. */
export interface Step8Claims {
  compare: CompareClaim;
  /** Only the rebalanced model says "show" at 0.5. */
  onlyRebalancedShows: boolean;
  /** The rebalanced model's calibration as trained. */
  calibration: CalibrationOutcome;
}

export function step8Claims(noisy: EvalReport, clean: EvalReport, rebalanced: EvalReport): Step8Claims {
  const on = (g: EvalReport) => ({ ...aucOn(g), recall: g.recall.value });
  const compare = compareClaim(on(noisy), on(clean), on(rebalanced));
  return {
    compare,
    onlyRebalancedShows: compare.showing.length === 1 && compare.showing[0] === 'rebalanced',
    calibration: calibrationOutcome(rebalanced.calibration.value, CALIBRATION_TOLERANCE, reportRateNoise(rebalanced)),
  };
}

/** Step 9: the stale model on its old days and yesterday, its daily trend, and the report beside them. */
export interface Step9Claims {
  stale: StaleClaim;
  trend: TrendClaim | null;
  report: ReportClaim | null;
}

export function step9Claims(oldTest: EvalReport, yesterday: EvalReport, days: readonly DayAuc[], report?: DriftReport | null): Step9Claims {
  const stale = staleClaim(aucOn(oldTest), aucOn(yesterday));
  const flagged = report ? report.features.filter((f) => f.drifted).map((f) => f.name) : [];
  return {
    stale,
    trend: trendClaim(days.map((d) => d.auc.value), undefined, days),
    report: report ? reportClaim(flagged, stale, report.positivesCross.drifted) : null,
  };
}

/** Step 10: the fresh model against the stale one on yesterday. */
export function step10Claims(staleYesterday: EvalReport, freshYesterday: EvalReport, staleOldTest: EvalReport | null): RecoveryClaim {
  return recoveryClaim(aucOn(staleYesterday), aucOn(freshYesterday), staleOldTest ? aucOn(staleOldTest) : null);
}

/** Step 12: the live fortnight and the paired comparison. */
export interface Step12Claims {
  live: LiveClaim | null;
  switched: SwitchClaim | null;
}

export function step12Claims(served: readonly PolicyDay[], comparison: { total: number; ci: readonly [number, number] } | null | undefined): Step12Claims {
  return { live: liveClaim(served), switched: comparison ? switchClaim(comparison.total, comparison.ci) : null };
}

/** A trend's direction against its own numbers. */
function trendContradictions(name: string, t: Trend, means?: { first: number; last: number }): string[] {
  const out: string[] = [];
  if (!(t.noise >= 0)) out.push(`${name}: no noise threshold`);
  if (means) {
    const rel = means.last / means.first - 1;
    const c = contradiction(name, t.direction === 'rose' ? 'up' : t.direction === 'fell' ? 'down' : 'same', rel, t.noise);
    if (c) out.push(c);
  }
  return out;
}

/** Step 12's claims against the served days and the interval they came from. */
export function step12Contradictions(c: Step12Claims, served: readonly PolicyDay[]): string[] {
  const out: string[] = [];
  const l = c.live;
  if (l) {
    const w = l.window;
    const mean = (ds: readonly PolicyDay[], f: (d: PolicyDay) => number) => ds.reduce((s, d) => s + f(d), 0) / ds.length;
    const first = served.slice(0, w);
    const last = served.slice(served.length - w);
    const means = (f: (d: PolicyDay) => number) => ({ first: mean(first, f), last: mean(last, f) });
    out.push(...trendContradictions('impressions', l.impressions, means((d) => d.impressions)));
    out.push(...trendContradictions('revenue', l.revenue, means((d) => d.revenue)));
    const revenueFell = l.revenue.direction === 'fell';
    const impressionsRose = l.impressions.direction === 'rose';
    if (l.lesson === 'metric-rose-business-fell' && !(impressionsRose && revenueFell)) out.push(`lesson ${l.lesson} against the trends`);
    if (l.lesson === 'business-rose' && l.revenue.direction !== 'rose') out.push(`lesson ${l.lesson} against the revenue trend`);
  }
  const s = c.switched;
  if (s) {
    if (s.outcome === 'won' && !(s.low > 0)) out.push(`switch 'won' but the interval starts at ${s.low}`);
    if (s.outcome === 'lost' && !(s.high < 0)) out.push(`switch 'lost' but the interval ends at ${s.high}`);
    if (s.outcome === 'noise' && (s.low > 0 || s.high < 0)) out.push(`switch 'noise' but the interval is [${s.low}, ${s.high}]`);
    if (!(s.low <= s.total && s.total <= s.high)) out.push(`switch total ${s.total} outside its interval`);
  }
  return out;
}

/** Every contradiction in steps 7–10's claims. */
export function labContradictions(c: { step7?: Step7Claims | null; step8?: Step8Claims | null; step9?: Step9Claims | null; step10?: RecoveryClaim | null }): string[] {
  const out: string[] = [];
  if (c.step7) out.push(...imbalanceContradictions(c.step7.imbalance, c.step7.collect ?? undefined).map((s) => `step 7: ${s}`));
  if (c.step8) {
    out.push(...compareContradictions(c.step8.compare).map((s) => `step 8: ${s}`));
    if (c.step8.onlyRebalancedShows && c.step8.compare.showing.join() !== 'rebalanced') out.push('step 8: only the rebalanced model shows, but not so');
  }
  if (c.step9) {
    out.push(...driftContradictions({ stale: c.step9.stale, trend: c.step9.trend }).map((s) => `step 9: ${s}`));
    const r = c.step9.report;
    if (r && r.harmed !== (c.step9.stale.outcome === 'decayed')) out.push('step 9: the report reading disagrees with the AUC gap');
  }
  if (c.step10) out.push(...driftContradictions({ recovery: c.step10 }).map((s) => `step 10: ${s}`));
  return out;
}
