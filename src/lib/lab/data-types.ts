// The lab's data across the worker boundary: how a dataset is drawn, what the UI learns about it,
// which rows an evaluation reads, and a dataset exported as a file.
import type { WorldParams } from '../sim/types.ts';

/** A histogram of one column, for the data card. */
export interface ColumnHistogram {
  column: string;
  kind: 'numeric' | 'categorical';
  /** Bin labels (category names, or "lo–hi" ranges). */
  labels: string[];
  /** Weighted counts per bin. */
  counts: number[];
}

/** One readable sample row for the data table. */
export interface SampleRow {
  day: number;
  hour: number;
  query: string;
  queryCategory: string;
  device: string;
  intent: number;
  headline: string;
  adCategory: string;
  quality: number;
  bid: number;
  label: 0 | 1;
  /** Set on the data card's sample only: the row was labelled by the buggy batch (hidden from the model). */
  buggy?: boolean;
}

/** What the UI learns about a generated dataset (never the dataset itself). */
export interface DatasetSummary {
  id: string;
  params: WorldParams;
  rows: number;
  days: [number, number];
  /** Weighted count of observed positive labels. */
  positives: number;
  /** Observed positive rate (weighted). */
  positiveRate: number;
  /** Weighted count of all rows. */
  total: number;
  /** Weighted count of observed positive labels given by the buggy batch. */
  buggyPositives: number;
  histograms: ColumnHistogram[];
  sample: SampleRow[];
  millis: number;
}

/** How to draw a dataset from a world (see src/lib/sim/generate.ts GenerateOptions). */
export interface GenerateRequest {
  params: WorldParams;
  /** Candidate rows streamed (fewer are kept when negKeep < 1). */
  rows: number;
  /** Inclusive day range, default [0, 89]. */
  days?: [number, number];
  /** Fraction of negatives kept (default 1); kept negatives weigh 1/negKeep. */
  negKeep?: number;
  /** Which label decides "positive" when downsampling (default the observed label). */
  keepBy?: 'label' | 'truth';
  /** Independent sub-stream name (default 'log'). */
  stream?: string;
}

/** A row filter for per-slice evaluation (codes as in CATEGORIES / DEVICES). */
export interface SliceFilter {
  queryCat?: number;
  adCat?: number;
  device?: number;
  days?: [number, number];
}

/** Named evaluation sets: the model's validation split, a large test stream over the training
 * days, the expert-labelled gold stream (true labels), or yesterday (day 89). */
export type EvalSplit = 'validation' | 'test' | 'gold' | 'yesterday';

/** What to evaluate on: a named set, a day range (observed labels, or true ones with gold), or a slice of either. */
export type EvalTarget = EvalSplit | { days: [number, number]; gold?: boolean } | { slice: SliceFilter; of: EvalSplit | { days: [number, number]; gold?: boolean } };

/** A dataset exported as a file (step 2's download): its bytes (transferred), what it holds and how long it took. */
export interface DatasetFile {
  format: 'csv' | 'parquet';
  /** The file as parts to lay end to end (handed over unjoined: the worker never holds two copies). */
  parts: ArrayBuffer[];
  datasetId: string;
  params: WorldParams;
  /** Data rows in the file (the header or footer aside). */
  rows: number;
  /** Column names, in file order (data/DATA_CARD.md). */
  columns: string[];
  /** Time to build the file in the worker (ms). */
  millis: number;
}
