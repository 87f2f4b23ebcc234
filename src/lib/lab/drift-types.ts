// The lab's drift types (steps 9–10): AUC per day, the drift report, old test vs yesterday and the
// freshness chart, as they cross from the lab worker to the UI (plain data only).
import type { EvalReport, MetricValue } from './types.ts';
import type { ColumnDrift } from '../drift/column.ts';

/** A model's AUC on one day of a clean (truth-labelled) per-day evaluation stream. */
export interface DayAuc {
  day: number;
  auc: MetricValue;
  /** Weighted positives that day. */
  positives: number;
  rows: number;
}

/** One column of a drift report: the test Evidently would choose, its verdict, and the histograms. */
export interface DriftColumnReport extends Pick<ColumnDrift, 'name' | 'numeric' | 'metric' | 'value' | 'threshold' | 'drifted' | 'all'> {
  /** Bin labels (categories, or ranges) with reference and current shares (ColumnDrift's bins, as the page shows them). */
  labels: string[];
  reference: number[];
  current: number[];
}

/** The drift report between the training days (reference) and yesterday (current). */
export interface DriftReport {
  referenceDays: [number, number];
  currentDays: [number, number];
  referenceRows: number;
  currentRows: number;
  features: DriftColumnReport[];
  /** Positive rate (the truth) drift. */
  target: DriftColumnReport;
  /** The model's prediction drift. */
  prediction: DriftColumnReport;
  /** Where the positives are: the query×ad category cells of the positive rows (needs labels). */
  positivesCross: DriftColumnReport;
  /** Weighted positive rate in each sample. */
  targetRate: { reference: number; current: number };
  /** Share of drifted features, their count and the data-set verdict (≥ half drifted). */
  share: number;
  count: number;
  datasetDrifted: boolean;
  millis: number;
}

/** A model on its own old test days and on yesterday, both against the truth. */
export interface StaleEval {
  modelId: string;
  days: [number, number];
  /** Null when only yesterday was asked for. */
  oldTest: EvalReport | null;
  yesterday: EvalReport;
  millis: number;
}

/** One curve of the freshness chart: a model trained up to `endDay`, tested on each later day. */
export interface FreshnessCurve {
  endDay: number;
  trainDays: [number, number];
  /** AUC on days endDay+1 … 89, by days since training, with the (weighted) positives and rows it was measured on. */
  points: { daysSince: number; day: number; auc: number; positives: number; rows: number }[];
}
