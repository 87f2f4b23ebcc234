// What steps 5 and 6 may say about wrong labels, computed from the numbers: how many "show" labels
// are wrong, whether the out-of-fold models rank the observed labels worse than the step-4 model did
// on its validation rows (the drop that makes suspects), whether the top suspects are mostly real
// errors, and, after relabelling, whether the retrained model ranks the gold stream better and errs
// less on the slice that was worst. AUCs are judged by Hanley & McNeil's standard error, shares by
// the binomial rule (noise.ts). The noise knob is read too: at noise 0 the annotators make no random
// mistakes, and the only wrong labels left are the buggy batch's, which that knob does not control.
import { BUGGY_AD_CAT, BUGGY_QUERY_CAT } from '../sim/constants.ts';
import { CATEGORIES } from '../sim/types.ts';
import { SUSPECT_PRECISION_AT } from '../labels/story.ts';
import { Z, compareAuc, compareProportion, contradiction, type AucOn } from './noise.ts';

/** A share at or above this reads as "most". */
export const MOST_SHARE = 0.5;

/** The annotators as the noise knob sets them: no random mistakes at 0, else some. */
export type Annotators = 'perfect' | 'noisy';

export function annotatorsAt(noise: number): Annotators {
  return noise === 0 ? 'perfect' : 'noisy';
}

/** The query × ad cell the buggy labelling batch falls in ("travel×finance"). */
export const BUGGY_CELL = `${CATEGORIES[BUGGY_QUERY_CAT]}×${CATEGORIES[BUGGY_AD_CAT]}`;

/** Step 5: the share of "show" labels that are wrong: none, some, or at least half. */
export type WrongOutcome = 'none' | 'some' | 'most';

/** Step 5: the out-of-fold AUC against the step-4 model's validation AUC, both on observed labels. */
export type OofOutcome = 'below' | 'same' | 'above';

/** Step 5: the top suspects are mostly real errors, mostly not, about half (within the noise), or there are none. */
export type PrecisionOutcome = 'high' | 'low' | 'mixed' | 'none';

export interface SuspectClaim {
  wrong: WrongOutcome;
  wrongShare: number;
  observedPositives: number;
  oof: OofOutcome;
  oofAuc: number;
  validationAuc: number;
  /** oof − validation, and the smallest difference counted as real. */
  oofDiff: number;
  oofNoise: number;
  precision: PrecisionOutcome;
  suspectPrecision: number;
  /** Suspects the precision was measured on (the top SUSPECT_PRECISION_AT, or fewer). */
  precisionOf: number;
  /** The smallest distance from one half counted as real. */
  precisionNoise: number;
  annotators: Annotators;
  noise: number;
}

/** What step 5 reads: the suspect report's numbers. */
export interface SuspectNumbers {
  wrongPositiveShare: number;
  observedPositives: number;
  suspectPrecision: number;
  suspects: number;
  oofAuc: number;
}

/**
 * Step 5's claim from the suspect report, the rows of the log the fold models scored, the step-4
 * model's validation AUC (with its counts) and the noise knob.
 */
export function suspectClaim(s: SuspectNumbers, logRows: number, validation: AucOn, noise: number, topK = SUSPECT_PRECISION_AT): SuspectClaim {
  const wrongShare = s.wrongPositiveShare;
  const wrong: WrongOutcome = !(wrongShare > 0) ? 'none' : wrongShare >= MOST_SHARE ? 'most' : 'some';
  const c = compareAuc(validation, { auc: s.oofAuc, positives: s.observedPositives, rows: logRows });
  const oof: OofOutcome = c.change === 'down' ? 'below' : c.change === 'up' ? 'above' : 'same';
  const n = Math.min(topK, s.suspects);
  const precisionNoise = n > 0 ? Z * Math.sqrt((MOST_SHARE * (1 - MOST_SHARE)) / n) : Number.NaN;
  const d = s.suspectPrecision - MOST_SHARE;
  const precision: PrecisionOutcome = !(n > 0) || !Number.isFinite(s.suspectPrecision) ? 'none' : d > precisionNoise ? 'high' : d < -precisionNoise ? 'low' : 'mixed';
  return {
    wrong,
    wrongShare,
    observedPositives: s.observedPositives,
    oof,
    oofAuc: s.oofAuc,
    validationAuc: validation.auc,
    oofDiff: c.diff,
    oofNoise: c.noise,
    precision,
    suspectPrecision: s.suspectPrecision,
    precisionOf: n,
    precisionNoise,
    annotators: annotatorsAt(noise),
    noise,
  };
}

/** Step 6: the relabelled model against the step-4 model on the gold stream. */
export type GoldOutcome = 'better' | 'same' | 'worse';

/** Step 6: the error rate on the slice that was worst, before and after. */
export type SliceOutcome = 'fewer' | 'same' | 'more';

export interface SliceChange {
  outcome: SliceOutcome;
  /** The slice's readable name and whether it is the buggy batch's cell. */
  name: string;
  buggyCell: boolean;
  before: number;
  after: number;
  /** after − before, and the smallest difference counted as real. */
  diff: number;
  noise: number;
}

export interface RetrainClaim {
  gold: GoldOutcome;
  goldBefore: number;
  goldAfter: number;
  goldDiff: number;
  goldNoise: number;
  /** Labels the expert changed (0: the relabelled log is the step-4 log). */
  changed: number;
  slice: SliceChange | null;
  annotators: Annotators;
  noise: number;
}

/** One slice's error rate with the rows it was measured on. */
export interface SliceErrors {
  slice: string;
  name: string;
  family: string;
  rows: number;
  errorRate: number;
}

/** Smallest change of a slice's error rate counted as real, however many rows back it (one point). */
export const SLICE_FLOOR = 0.01;

/**
 * Step 6's claim: the two gold AUCs (with their counts), the labels the expert changed, the worst
 * slice of the step-4 model and the same slice under the relabelled model (error rates as binomial
 * shares of the slice's rows, at least a point apart), and the noise knob.
 */
export function retrainClaim(noisyGold: AucOn, fixedGold: AucOn, changed: number, worst: SliceErrors | undefined, worstAfter: SliceErrors | undefined, noise: number): RetrainClaim {
  const g = compareAuc(noisyGold, fixedGold);
  let slice: SliceChange | null = null;
  if (worst && worstAfter) {
    const c = compareProportion(worst.errorRate, worst.rows, worstAfter.errorRate, worstAfter.rows, SLICE_FLOOR);
    slice = {
      outcome: c.change === 'down' ? 'fewer' : c.change === 'up' ? 'more' : 'same',
      name: worst.name,
      buggyCell: worst.family === 'cell' && worst.name === BUGGY_CELL,
      before: worst.errorRate,
      after: worstAfter.errorRate,
      diff: c.diff,
      noise: c.noise,
    };
  }
  return {
    gold: g.change === 'up' ? 'better' : g.change === 'down' ? 'worse' : 'same',
    goldBefore: noisyGold.auc,
    goldAfter: fixedGold.auc,
    goldDiff: g.diff,
    goldNoise: g.noise,
    changed,
    slice,
    annotators: annotatorsAt(noise),
    noise,
  };
}

/** Sentences the claims contradict, if any: their evidence re-checked (for the knob sweep). */
export function labelsContradictions(c: { suspects?: SuspectClaim | null; retrain?: RetrainClaim | null }): string[] {
  const out: string[] = [];
  const s = c.suspects;
  if (s) {
    if (s.wrong === 'none' && s.wrongShare > 0) out.push(`wrong 'none' but a share of ${s.wrongShare}`);
    if (s.wrong === 'some' && !(s.wrongShare > 0 && s.wrongShare < MOST_SHARE)) out.push(`wrong 'some' but a share of ${s.wrongShare}`);
    if (s.wrong === 'most' && !(s.wrongShare >= MOST_SHARE)) out.push(`wrong 'most' but a share of ${s.wrongShare}`);
    const d = s.oofAuc - s.validationAuc;
    if (s.oof === 'below' && !(d < -s.oofNoise)) out.push(`oof 'below' but ${d} against ${s.oofNoise}`);
    if (s.oof === 'above' && !(d > s.oofNoise)) out.push(`oof 'above' but ${d}`);
    if (s.oof === 'same' && Math.abs(d) > s.oofNoise + 1e-12) out.push(`oof 'same' but ${d} exceeds ${s.oofNoise}`);
    const p = s.suspectPrecision - MOST_SHARE;
    if (s.precision === 'high' && !(p > s.precisionNoise)) out.push(`precision 'high' at ${s.suspectPrecision}`);
    if (s.precision === 'low' && !(p < -s.precisionNoise)) out.push(`precision 'low' at ${s.suspectPrecision}`);
    if (s.precision === 'mixed' && !(Math.abs(p) <= s.precisionNoise)) out.push(`precision 'mixed' at ${s.suspectPrecision}`);
    if (s.precision === 'none' && s.precisionOf > 0 && Number.isFinite(s.suspectPrecision)) out.push(`precision 'none' with ${s.precisionOf} suspects`);
    if (s.annotators !== annotatorsAt(s.noise)) out.push(`annotators '${s.annotators}' at noise ${s.noise}`);
  }
  const r = c.retrain;
  if (r) {
    const d = r.goldAfter - r.goldBefore;
    const g = contradiction('gold AUC', r.gold === 'better' ? 'up' : r.gold === 'worse' ? 'down' : 'same', d, r.goldNoise);
    if (g) out.push(g);
    const sl = r.slice;
    if (sl) {
      const e = sl.after - sl.before;
      const x = contradiction('worst slice errors', sl.outcome === 'more' ? 'up' : sl.outcome === 'fewer' ? 'down' : 'same', e, sl.noise);
      if (x) out.push(x);
      if (sl.buggyCell !== (sl.name === BUGGY_CELL)) out.push(`slice ${sl.name} read as ${sl.buggyCell ? '' : 'not '}the buggy cell`);
    }
    if (r.annotators !== annotatorsAt(r.noise)) out.push(`annotators '${r.annotators}' at noise ${r.noise}`);
  }
  return out;
}
