// Data shapes the charts accept; they match the lab contract (src/lib/lab/types.ts).
import type { ColumnHistogram, ConfusionAt, EvalReport } from '../../lib/lab/types.ts';

export type { ColumnHistogram, ConfusionAt };

/** One point of a loss history: the epoch (or progress tick) and both losses. */
export interface LossPoint {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}

/** A model's ROC curve and its AUC, named for the label on the chart ("v1"). */
export interface RocModel {
  name: string;
  roc: EvalReport['roc'];
  /** Area under the curve; NaN when undefined. */
  auc: number;
}

/** A model's precision–recall curve and its average precision. */
export interface PrModel {
  name: string;
  pr: EvalReport['pr'];
  /** Average precision (PR-AUC); NaN when undefined. */
  prAuc: number;
}

/** One bin of a reliability diagram. */
export type ReliabilityBin = EvalReport['reliability'][number];

/** One bar of the feature-set comparison: which features, and the validation AUC they reached. */
export interface AucBar {
  label: string;
  auc: number;
  /** The bar the narrative talks about. */
  highlight?: boolean;
}

/** One simulated day's value of a metric. */
export interface DayValue {
  day: number;
  value: number;
}
