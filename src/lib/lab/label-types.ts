// The lab's label types (steps 5–8): suspects from confident learning, slices, relabelling,
// collection and the skew slider, as they cross from the lab worker to the UI (plain data only).
import type { WorldParams } from '../sim/types.ts';
import type { EvalReport, SampleRow } from './types.ts';
import type { SliceRow } from '../labels/slices.ts';

/** A row of the training log shown as a suspected wrong label (readable, with the model's probability). */
export interface SuspectRow extends SampleRow {
  /** Row index in its dataset. */
  row: number;
  /** Out-of-fold probability of "show". */
  p: number;
  /** The model's probability of the given label. */
  selfConfidence: number;
  /** The true label: only a simulator knows it (shown as such). */
  truth: 0 | 1;
}

/** Confident learning on a dataset's out-of-fold predictions. */
export interface SuspectReport {
  datasetId: string;
  folds: number;
  /** Per-class thresholds t_0, t_1. */
  thresholds: [number, number];
  /** joint[given][confident]. */
  joint: [[number, number], [number, number]];
  /** Number of suspected wrong labels. */
  suspects: number;
  /** The first suspects, lowest self-confidence first. */
  top: SuspectRow[];
  /** Share of the top 100 suspects whose label is truly wrong (simulator only); NaN with none. */
  suspectPrecision: number;
  /** Share of the observed positives that are truly wrong (simulator only). */
  wrongPositiveShare: number;
  observedPositives: number;
  /** Out-of-fold AUC against the observed labels. */
  oofAuc: number;
  millis: number;
}

/** One slice of the error analysis, as src/lib/labels/slices.ts computes it. */
export type SliceStat = SliceRow;

/** A model's error analysis by slice on an evaluation set. */
export interface SliceReport {
  modelId: string;
  split: string;
  /** Share of the set (by weight) taken as the model's top-ranked rows. */
  topShare: number;
  /** The score above which those rows lie. */
  threshold: number;
  /** Worst error rate first. */
  slices: SliceStat[];
}

/** What a relabelling bought. */
export interface RelabelReport {
  /** The new dataset version (its id) and the one it was made from. */
  datasetId: string;
  parentId: string;
  /** Data version: 1 for a generated log, +1 per relabelling. */
  dataVersion: number;
  rows: number;
  labelsChanged: number;
  cost: number;
  /** Observed positives after relabelling. */
  positives: number;
}

/** How to collect more show-worthy data (negative downsampling at collection time). */
export interface CollectRequest {
  params: WorldParams;
  /** Candidates streamed. */
  rows: number;
  /** Fraction w of negatives kept (all positives are kept). */
  keep: number;
  /** Weight each kept negative by 1/w (else every row weighs 1). */
  upweight: boolean;
  /** Extra weight on positives (class weights; 1 = none). */
  positiveWeight: number;
}

/** A collected dataset. */
export interface CollectReport {
  datasetId: string;
  streamed: number;
  kept: number;
  positives: number;
  /** Observed positives the expert checked, and what that cost. */
  checked: number;
  cost: number;
  keep: number;
  upweight: boolean;
  positiveWeight: number;
  millis: number;
}

/** One retrain of the skew slider: a world at this skew, clean labels, evaluated on its own gold stream. */
export interface SkewPoint {
  skew: number;
  rows: number;
  positives: number;
  recall: number;
  precision: number;
  prAuc: number;
  auc: number;
  accuracy: number;
  /** Weighted rows predicted "show" at 0.5. */
  predictedPositive: number;
  millis: number;
}
