// The story's settings for steps 5–8, shared by the app and the story tests.
import type { TrainConfig } from '../lab/types.ts';

/** Folds of the out-of-fold predictions behind confident learning (k ≥ 3). */
export const OOF_FOLDS = 3;
/** How rows fall into folds: by contiguous day ranges (labelling batches), so a batch's consistent
 * mistakes are scored by models that saw few of them (grouped k-fold). */
export const OOF_FOLD_BY: 'row' | 'day' = 'day';
/** Days either side of a held-out day range also left out of its fold model's training (a labelling batch lasts up to about two weeks). */
export const OOF_GAP_DAYS = 15;
/** Training settings of each fold model (one pass over its rows: the folds must finish in seconds). */
export const OOF_TRAIN: Partial<TrainConfig> = { epochs: 1 };
/** Suspects whose precision is reported. */
export const SUSPECT_PRECISION_AT = 100;
/** The relabelling budget of step 5 at the story's defaults, in dollars. */
export const RELABEL_BUDGET = 100;
/** Ads truly worth showing in the story's log (1,000,000 rows at skew 0.0001), the budget's yardstick. */
export const STORY_TRUE_POSITIVES = 100;

/**
 * Step 5's budget for a log of `rows` at `skew`: RELABEL_BUDGET at the story's defaults, growing in
 * proportion to the ads truly worth showing (rows × skew) when a link sets more, so the default
 * choice (the worst cell's "show" labels, which grow with them) stays affordable at every skew.
 */
export function relabelBudget(rows: number, skew: number): number {
  const expected = rows * skew;
  return Number.isFinite(expected) && expected > STORY_TRUE_POSITIVES ? Math.round((RELABEL_BUDGET * expected) / STORY_TRUE_POSITIVES) : RELABEL_BUDGET;
}
/** Candidates streamed when collecting more data (step 7) at the story's skew, and at most at any skew. */
export const COLLECT_ROWS = 10_000_000;
/** Fraction w of negatives kept when collecting at the story's skew. */
export const COLLECT_KEEP = 0.001;
/** The story's skew, where the collection keeps COLLECT_KEEP of the negatives. */
const COLLECT_STORY_SKEW = 1e-4;
/** The keep rate's range: the slider's and the link's. */
export const KEEP_RANGE: readonly [number, number] = [1e-4, 1];

/**
 * The keep rate w a collection uses by default in a world of `skew`: COLLECT_KEEP at the story's
 * skew, scaled with the odds of "show" so that the kept rows hold about as many "don't show" rows
 * for each "show" as the story's (0.001 × 9,999,000 ÷ 1,000 ≈ 10), within KEEP_RANGE. At skew 0.01
 * that is 0.101 (about 10,000 of the 99,000 negatives beside 1,000 "show"); at 0.5 it is 1, since
 * half the candidates are "show" already and thinning the rest would turn the imbalance around.
 */
export function collectKeep(skew: number): number {
  if (!(skew > 0 && skew < 1)) return COLLECT_KEEP;
  const odds = (s: number) => s / (1 - s);
  const w = (COLLECT_KEEP * odds(skew)) / odds(COLLECT_STORY_SKEW);
  return Math.min(KEEP_RANGE[1], Math.max(KEEP_RANGE[0], w));
}

/** The keep rate a link asks for: its own `keep`, or 0 for the world's default (collectKeep). */
export function keepOf(keep: number, skew: number): number {
  return keep > 0 ? keep : collectKeep(skew);
}
/** Ads truly worth showing a collection streams past at the story's skew (COLLECT_ROWS × 0.01%): what the lesson needs. */
export const COLLECT_POSITIVES = 1_000;
/**
 * Candidates a collection streams in a world of `skew`: COLLECT_ROWS at the story's skew (and below
 * it), fewer above it, so that about COLLECT_POSITIVES ads worth showing are streamed past. At skew
 * 0.5 streaming COLLECT_ROWS would keep about 5,000,000 "show" rows, have the expert check them
 * all and train on them for 30 epochs: minutes of work for the same lesson.
 */
export function collectRows(skew: number): number {
  if (!(skew > 0)) return COLLECT_ROWS;
  return Math.min(COLLECT_ROWS, Math.max(COLLECT_POSITIVES, Math.ceil(COLLECT_POSITIVES / skew)));
}
/** Training settings for a collected set (about 11,000 rows: small batches, many epochs, so thousands of updates). */
export const COLLECT_TRAIN: Partial<TrainConfig> = { batchSize: 256, epochs: 30, finalLrFraction: 0.01 };
/** Rows kept by the story's collection: every "show" and COLLECT_KEEP of the rest (1,000 + 9,999 ≈ 11,000). */
const COLLECT_STORY_KEPT = COLLECT_POSITIVES + COLLECT_KEEP * (COLLECT_ROWS - COLLECT_POSITIVES);
/** Most epochs a small collected set trains for. */
const COLLECT_MAX_EPOCHS = 300;

/**
 * Training settings for a collected set of `kept` rows: COLLECT_TRAIN, with more epochs when the set
 * is smaller than the story's (a collection scaled down at a large skew), so the model still gets
 * about the story's number of updates (at most COLLECT_MAX_EPOCHS epochs; never fewer than 30).
 */
export function collectTrain(kept: number): Partial<TrainConfig> {
  const base = COLLECT_TRAIN.epochs ?? 30;
  const epochs = kept > 0 ? Math.min(COLLECT_MAX_EPOCHS, Math.max(base, Math.ceil((base * COLLECT_STORY_KEPT) / kept))) : base;
  return { ...COLLECT_TRAIN, epochs };
}
/** Training settings of one skew-slider retrain (seconds). */
export const SKEW_TRAIN: Partial<TrainConfig> = { epochs: 2 };
/** The skew slider's range: 50% … 0.001%. */
export const SKEW_RANGE: readonly [number, number] = [1e-5, 0.5];
/** Largest relative error of a mean prediction that still counts as calibrated. */
export const CALIBRATION_TOLERANCE = 0.25;
