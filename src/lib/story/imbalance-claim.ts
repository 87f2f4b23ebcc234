// What step 7 may say about class imbalance, computed from the gold-stream numbers: whether the
// model says "show" at 0.5 at all, whether it beats a dummy that never does, whether collecting more
// "show" rows raised recall, whether the result is calibrated, and whether precision is low.
// Negatives on the gold stream are a sample weighted back up, so counts of negatives carry the
// sample's weight in their variance.
import { CALIBRATION_TOLERANCE } from '../labels/story.ts';
import { Z, compareProportion, type Change } from './noise.ts';

/** Weighted counts at one threshold. */
export interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** At 0.5: the model says "show" for nothing, finds fewer than half of the ads worth showing, or at least half. */
export type ShowOutcome = 'silent' | 'few' | 'most';

/** The model's accuracy against the dummy's: the same within the noise, higher or lower. */
export type DummyOutcome = 'same' | 'better' | 'worse';

export interface ImbalanceClaim {
  show: ShowOutcome;
  dummy: DummyOutcome;
  recall: number;
  accuracy: number;
  dummyAccuracy: number;
  /** Share of candidates worth showing. */
  baseRate: number;
  /** accuracy − dummy accuracy, and the smallest difference counted as real. */
  accuracyGap: number;
  accuracyNoise: number;
  counts: Counts;
}

/** Recall at or above this counts as finding most of the ads worth showing. */
export const MOST = 0.5;

/**
 * The claim from the confusion at 0.5 and the weight of a sampled negative (1 when none were
 * dropped). The two classifiers differ only on the rows the model calls "show": it is right on the
 * tp and the dummy on the fp, so the accuracy gap is (tp − fp) ÷ total, with variance about
 * tp + w·fp in weighted counts (McNemar's test on the discordant rows, McNemar 1947).
 */
export function imbalanceClaim(c: Counts, negativeWeight = 1): ImbalanceClaim {
  const total = c.tp + c.fp + c.tn + c.fn;
  const positives = c.tp + c.fn;
  const recall = positives > 0 ? c.tp / positives : Number.NaN;
  const accuracy = (c.tp + c.tn) / total;
  const dummyAccuracy = (c.tn + c.fp) / total;
  const gap = (c.tp - c.fp) / total;
  const noise = (Z * Math.sqrt(c.tp + Math.max(1, negativeWeight) * c.fp)) / total;
  const dummy: DummyOutcome = c.tp + c.fp === 0 || Math.abs(gap) <= noise ? 'same' : gap > 0 ? 'better' : 'worse';
  const show: ShowOutcome = c.tp + c.fp === 0 ? 'silent' : recall >= MOST ? 'most' : 'few';
  return { show, dummy, recall, accuracy, dummyAccuracy, baseRate: positives / total, accuracyGap: gap, accuracyNoise: noise, counts: c };
}

/** Step 7's question once the gold numbers are in: it asks about what they show. */
export function imbalanceQuestion(c: ImbalanceClaim): string {
  if (c.dummy === 'same') return 'Why is near-perfect accuracy useless here?';
  if (c.dummy === 'better') return c.show === 'most' ? 'The model beats a dummy here: is accuracy the right measure all the same?' : 'The model beats a dummy by a little: is that worth anything?';
  return 'Why is the model less accurate than a dummy that never says “show”?';
}

/** A calibration ratio (mean predicted ÷ observed): too high, too low, or within the tolerance of 1 (or of its noise, if wider). */
export type CalibrationOutcome = 'over' | 'under' | 'calibrated' | 'unknown';

/**
 * The ratio's direction: over or under only beyond both the tolerance and `noise`, twice the observed
 * rate's relative standard error (calibration-claim.ts's rateNoise; 0 when the counts are not given).
 */
export function calibrationOutcome(ratio: number, tolerance = CALIBRATION_TOLERANCE, noise = 0): CalibrationOutcome {
  if (!Number.isFinite(ratio)) return 'unknown';
  const band = Math.max(tolerance, Number.isFinite(noise) ? noise : Number.POSITIVE_INFINITY);
  return ratio > 1 + band ? 'over' : ratio < 1 - band ? 'under' : 'calibrated';
}

/** Step 7's collection: recall before and after (the same gold positives), the calibration, and precision. */
export interface CollectClaim {
  recall: Change;
  recallBefore: number;
  recallAfter: number;
  recallNoise: number;
  calibration: CalibrationOutcome;
  /** Precision below one half: most of the ads it would show are not worth it. */
  precisionLow: boolean;
  precision: number;
}

export function collectClaim(before: { recall: number }, after: { recall: number; precision: number; calibration: number; calibrationNoise?: number }, positives: number): CollectClaim {
  const r = compareProportion(before.recall, positives, after.recall, positives);
  return {
    recall: r.change,
    recallBefore: before.recall,
    recallAfter: after.recall,
    recallNoise: r.noise,
    calibration: calibrationOutcome(after.calibration, CALIBRATION_TOLERANCE, after.calibrationNoise ?? 0),
    precisionLow: !(after.precision >= 0.5),
    precision: after.precision,
  };
}

/** Sentences a claim contradicts, if any: its evidence re-checked (for the knob sweep). */
export function imbalanceContradictions(c: ImbalanceClaim, k?: CollectClaim): string[] {
  const out: string[] = [];
  const said = c.counts.tp + c.counts.fp;
  if (c.show === 'silent' && said !== 0) out.push(`'silent' but ${said} rows predicted "show"`);
  if (c.show === 'most' && !(c.recall >= MOST)) out.push(`'most' but recall ${c.recall}`);
  if (c.show === 'few' && !(said > 0 && c.recall < MOST)) out.push(`'few' but recall ${c.recall}`);
  const d = c.accuracy - c.dummyAccuracy;
  if (c.dummy === 'better' && !(d > c.accuracyNoise)) out.push(`'better than the dummy' but ${d}`);
  if (c.dummy === 'worse' && !(d < -c.accuracyNoise)) out.push(`'worse than the dummy' but ${d}`);
  if (c.dummy === 'same' && Math.abs(d) > c.accuracyNoise + 1e-12) out.push(`'same as the dummy' but ${d}`);
  if (k) {
    const dr = k.recallAfter - k.recallBefore;
    if (k.recall === 'up' && !(dr > k.recallNoise)) out.push(`recall 'up' but ${dr}`);
    if (k.recall === 'down' && !(dr < -k.recallNoise)) out.push(`recall 'down' but ${dr}`);
    if (k.precisionLow && k.precision >= 0.5) out.push(`precision 'low' at ${k.precision}`);
  }
  return out;
}

/** How an AUC reads: good ranking (at least 0.8), fair (at least 0.6), or poor. */
export type RankingOutcome = 'good' | 'fair' | 'poor' | 'unknown';

/** AUC from which a ranking reads as good, and as fair. */
export const GOOD_AUC = 0.8;
export const FAIR_AUC = 0.6;

export function rankingOutcome(auc: number): RankingOutcome {
  if (!Number.isFinite(auc)) return 'unknown';
  return auc >= GOOD_AUC ? 'good' : auc >= FAIR_AUC ? 'fair' : 'poor';
}
