// Each step's claims from the results it shows, in one place and keyed by the step's id
// (src/lib/story/steps.ts): the step components render these, and the knob sweep
// (test/story/sweep.ts) computes them from the app's own pipeline and re-checks their evidence.
// A step's claims are null until the numbers they rest on are in.
import type { EvalReport } from '../lab/types.ts';
import type { DayAuc, DriftReport } from '../lab/drift-types.ts';
import type { PolicyDay } from '../market/types.ts';
import type { StepId } from './steps.ts';
import { confusionNear } from '../metrics/at-threshold.ts';
import { aucOn, contradiction } from './noise.ts';
import { rateNoise } from './calibration-claim.ts';
import { CALIBRATION_TOLERANCE } from '../labels/story.ts';
import { calibrationOutcome, collectClaim, imbalanceClaim, imbalanceContradictions, rankingOutcome, type CalibrationOutcome, type CollectClaim, type ImbalanceClaim, type RankingOutcome } from './imbalance-claim.ts';
import { compareClaim, compareContradictions, type CompareClaim } from './compare-claim.ts';
import { driftContradictions, recoveryClaim, reportClaim, staleClaim, trendClaim, type RecoveryClaim, type ReportClaim, type StaleClaim, type TrendClaim } from './drift-claim.ts';
import { liveClaim, type LiveClaim, type Trend } from './live-claim.ts';
import { switchClaim, type SwitchClaim } from './switch-claim.ts';

/** The imbalance step: the relabelled model beside a dummy at 0.5, how it ranks, and what collecting did. */
export interface ImbalanceStepClaims {
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

function imbalanceStep(clean: EvalReport, rebalanced?: EvalReport | null): ImbalanceStepClaims | null {
  const at = confusionNear(clean.confusion, 0.5);
  if (!at) return null;
  const imbalance = imbalanceClaim(at, negativeWeight(clean));
  const collect = rebalanced
    ? collectClaim({ recall: clean.recall.value }, { recall: rebalanced.recall.value, precision: rebalanced.precision.value, calibration: rebalanced.calibration.value, calibrationNoise: reportRateNoise(rebalanced) }, at.tp + at.fn)
    : null;
  return { imbalance, ranking: rankingOutcome(clean.auc.value), collect };
}

/** The compare step: the three models on the gold stream. */
export interface CompareStepClaims {
  compare: CompareClaim;
  /** Only the rebalanced model says "show" at 0.5. */
  onlyRebalancedShows: boolean;
  /** The rebalanced model's calibration as trained. */
  calibration: CalibrationOutcome;
}

function compareStep(noisy: EvalReport, clean: EvalReport, rebalanced: EvalReport): CompareStepClaims {
  const on = (g: EvalReport) => ({ ...aucOn(g), recall: g.recall.value });
  const compare = compareClaim(on(noisy), on(clean), on(rebalanced));
  return {
    compare,
    onlyRebalancedShows: compare.showing.length === 1 && compare.showing[0] === 'rebalanced',
    calibration: calibrationOutcome(rebalanced.calibration.value, CALIBRATION_TOLERANCE, reportRateNoise(rebalanced)),
  };
}

/** The drift step: the stale model on its old days and yesterday, its daily trend, and the report beside them. */
export interface DriftStepClaims {
  stale: StaleClaim;
  trend: TrendClaim | null;
  report: ReportClaim | null;
}

function driftStep(oldTest: EvalReport, yesterday: EvalReport, days: readonly DayAuc[], report?: DriftReport | null): DriftStepClaims {
  const stale = staleClaim(aucOn(oldTest), aucOn(yesterday));
  const flagged = report ? report.features.filter((f) => f.drifted).map((f) => f.name) : [];
  return {
    stale,
    trend: trendClaim(days.map((d) => d.auc.value), undefined, days),
    report: report ? reportClaim(flagged, stale, report.positivesCross.drifted) : null,
  };
}

/** The fresh step: the fresh model against the stale one on yesterday. */
function freshStep(staleYesterday: EvalReport, freshYesterday: EvalReport, staleOldTest: EvalReport | null): RecoveryClaim {
  return recoveryClaim(aucOn(staleYesterday), aucOn(freshYesterday), staleOldTest ? aucOn(staleOldTest) : null);
}

/** The business step: the live fortnight and the paired comparison. */
export interface BusinessStepClaims {
  live: LiveClaim | null;
  switched: SwitchClaim | null;
}

function businessStep(served: readonly PolicyDay[], comparison: { total: number; ci: readonly [number, number] } | null | undefined): BusinessStepClaims {
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

/** The business step's claims against the served days and the interval they came from. */
export function businessContradictions(c: BusinessStepClaims, served: readonly PolicyDay[]): string[] {
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

/** Every contradiction in the lab steps' claims (imbalance, compare, drift, fresh), each prefixed by its step's id. */
export function labContradictions(c: { imbalance?: ImbalanceStepClaims | null; compare?: CompareStepClaims | null; drift?: DriftStepClaims | null; fresh?: RecoveryClaim | null }): string[] {
  const out: string[] = [];
  const push = (id: StepId, found: readonly string[]) => out.push(...found.map((s) => `${id}: ${s}`));
  if (c.imbalance) push('imbalance', imbalanceContradictions(c.imbalance.imbalance, c.imbalance.collect ?? undefined));
  if (c.compare) {
    push('compare', compareContradictions(c.compare.compare));
    if (c.compare.onlyRebalancedShows && c.compare.compare.showing.join() !== 'rebalanced') push('compare', ['only the rebalanced model shows, but not so']);
  }
  if (c.drift) {
    push('drift', driftContradictions({ stale: c.drift.stale, trend: c.drift.trend }));
    const r = c.drift.report;
    if (r && r.harmed !== (c.drift.stale.outcome === 'decayed')) push('drift', ['the report reading disagrees with the AUC gap']);
  }
  if (c.fresh) push('fresh', driftContradictions({ recovery: c.fresh }));
  return out;
}

/** The claim functions by the id of the step that shows them: a renamed or removed step id fails type-checking here. */
export const STEP_CLAIMS = {
  imbalance: imbalanceStep,
  compare: compareStep,
  drift: driftStep,
  fresh: freshStep,
  business: businessStep,
} as const satisfies Partial<Record<StepId, (...args: never[]) => unknown>>;
