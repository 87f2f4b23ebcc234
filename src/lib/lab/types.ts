// The lab's domain types: what crosses the boundary between the lab worker and the UI (plain data only,
// no tensors, no tfjs types). They live in src/lib so the domain, the worker and the UI all import downward.
// The worker implements LabApi over them (workers/lab.worker.ts exports `type LabApi = typeof api`).
import type { WorldParams } from '../sim/types.ts';
import type { FittedFeatures } from '../features/index.ts';

export type * from './drift-types.ts';
export type * from './label-types.ts';

/** The four tfjs backends, fastest-first on a real GPU. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What the chooser found out about one candidate backend. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** True for a software adapter (WebGPU fallback adapter, SwiftShader / llvmpipe WebGL). */
  software: boolean;
  /** Adapter or renderer description, e.g. "SwiftShader (fallback adapter)". */
  adapter?: string;
  /** Measured by the micro-benchmark, if it ran. */
  examplesPerSec?: number;
  /** Why it is unavailable or was not chosen. */
  note?: string;
}

/** Which backend trains, and why, in words a student understands. */
export interface BackendReport {
  backend: BackendName;
  /** E.g. "WebGPU is a software emulation on this machine, so WASM trains 20× faster." */
  reason: string;
  probes: BackendProbe[];
  /** Set when a forced or preferred backend could not start and another was used. */
  fallbackFrom?: BackendName;
  /** Set when the numeric self-check ran (max abs error against the plain-TypeScript result). */
  selfCheckError?: number;
}

/** Progress of a long job, sent at most ~10 times a second. */
export interface JobProgress {
  /** 0…1. */
  fraction: number;
  /** Human-readable stage, e.g. "generating day 42". */
  stage: string;
}

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

/** Feature toggles; see src/lib/features for the spec it becomes. */
export interface FeatureToggles {
  oneHots: boolean;
  numerics: boolean;
  cross: boolean;
  hashed: boolean;
  hashBuckets: number;
}

export type ModelKind = 'logreg' | 'mlp';

export interface TrainConfig {
  datasetId: string;
  features: FeatureToggles;
  model: ModelKind;
  /** Hidden layer sizes for the MLP. */
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Learning rate at the end of the run as a fraction of the first (exponential decay; default 0.1). */
  finalLrFraction?: number;
  /** Seed for initialisation and shuffling. */
  seed: string;
  /** Fraction of rows held out for validation, e.g. 0.2 (ignored when `fold` is set). */
  validationFraction: number;
  /** k-fold cross-fitting: hold out fold `index` of `k` folds (out-of-fold predictions). */
  fold?: FoldSpec;
  /** Label used for the run history ("v1", "v2", …). */
  version?: string;
  /** Keep the weights of the epoch with the lowest validation loss, not the last (early stopping). */
  keepBestEpoch?: boolean;
}

export interface TrainProgress extends JobProgress {
  epoch: number;
  epochs: number;
  trainLoss: number;
  valLoss: number;
  examplesPerSec: number;
}

/** A metric that may be undefined (precision with no predicted positive); `reason` says why. */
export interface MetricValue {
  value: number;
  reason?: string;
}

/** Weighted confusion counts at one threshold. */
export interface ConfusionAt {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Everything the UI draws about a model on one evaluation set. */
export interface EvalReport {
  modelId: string;
  split: string;
  rows: number;
  /** Weighted positives. */
  positives: number;
  auc: MetricValue;
  prAuc: MetricValue;
  logLoss: MetricValue;
  ne: MetricValue;
  calibration: MetricValue;
  meanPrediction: number;
  /** At threshold 0.5. */
  accuracy: MetricValue;
  precision: MetricValue;
  recall: MetricValue;
  f1: MetricValue;
  /** ≤ a few hundred points each. */
  roc: { fpr: number; tpr: number }[];
  pr: { recall: number; precision: number }[];
  reliability: { meanPredicted: number; observedRate: number; weight: number }[];
  /** Log-spaced thresholds (1e-6 … 1) so the UI can move a threshold slider without a round trip. */
  confusion: ConfusionAt[];
}

export interface TrainResult {
  modelId: string;
  version: string;
  config: TrainConfig;
  backend: BackendName;
  featureCount: number;
  featureNames: string[];
  /** Per epoch: mean weighted training loss (logistic regression samples every 4th batch) and validation loss. */
  history: { epoch: number; trainLoss: number; valLoss: number }[];
  /** The training loss about twenty times an epoch (running mean within the epoch; x in fractional epochs). */
  curve?: { epoch: number; trainLoss: number }[];
  validation: EvalReport;
  millis: number;
  examplesPerSec: number;
  /** Set if the backend failed mid-run and training finished on another one. */
  backendFallback?: string;
  /** Where the run's time went (ms): featurising (0 when cached), the training steps, scoring the
   * validation rows after each epoch, and the final validation report. */
  phases?: TrainPhases;
  /** What the training labels cost, for models whose rows were collected and checked for them (steps 9–10). */
  labels?: LabelBill;
}

/** The labels of a collection: rows kept, "show" rows the expert checked, labels that changed, dollars paid. */
export interface LabelBill {
  kept: number;
  checked: number;
  corrected: number;
  cost: number;
}

/** A training run's time by phase, in milliseconds. */
export interface TrainPhases {
  featuresMs: number;
  stepsMs: number;
  validationMs: number;
  reportMs: number;
}

export interface MemoryReport {
  numTensors: number;
  numBytes: number;
  /** Bytes each of the lab worker's caches holds (datasets, features, evaluation streams, models). */
  caches?: CacheReport[];
  /** Sum of the caches' bytes plus the tensors' bytes: what the worker holds. */
  heldBytes?: number;
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

/** A trained model as the run history lists it. */
export interface ModelInfo {
  modelId: string;
  version: string;
  kind: ModelKind;
  datasetId: string;
  backend: BackendName;
  featureCount: number;
  params: number;
  createdAt: number;
}

/** The defaults of a story retrain (step 4): the 1,000,000-row log, logistic regression on sparse rows.
 * 2 epochs of 49 batches reach the 30-epoch model's test AUC within 0.001 (0.9295 vs 0.9292, seed clickcycle). */
export const DEFAULT_TRAIN_CONFIG: Omit<TrainConfig, 'datasetId'> = {
  features: { oneHots: true, numerics: true, cross: true, hashed: false, hashBuckets: 64 },
  model: 'logreg',
  hidden: [32, 16],
  epochs: 2,
  batchSize: 16384,
  learningRate: 0.2,
  finalLrFraction: 0.1,
  seed: 'clickcycle',
  validationFraction: 0.2,
};

/** One throughput measurement of the training benchmark: one model at one batch size on one backend. */
export interface BenchRow {
  /** The tfjs backend, or 'plain-ts' for the plain-TypeScript baseline of the same model (src/lib/learn, no tfjs). */
  backend: string;
  model: ModelKind;
  batchSize: number;
  /** Mean over the timed run: examples timed ÷ the run's wall time (after an untimed warm-up). */
  examplesPerSec: number;
  /** Median of the timed run's rates over consecutive windows of ≥ 150 ms (less sensitive to other processes). */
  windowMedianExamplesPerSec: number;
  /** Windows behind the median. */
  windows: number;
  /** Batches between two computations of the training loss (1: every batch). */
  lossEvery: number;
  /** Examples timed. */
  examples: number;
  millis: number;
}

/** One dense layer of a model: W is inDim×outDim row-major, b has outDim entries. */
export interface DenseLayerData {
  inDim: number;
  outDim: number;
  W: Float32Array;
  b: Float32Array;
}

/** A trained model as plain data, for the serving worker and for IndexedDB (no tfjs inside).
 * Layers are dense with ReLU between them and a sigmoid on the single output. */
export interface ExportedModel {
  version: string;
  config: TrainConfig;
  backend: BackendName;
  kind: ModelKind;
  layers: DenseLayerData[];
  /** The fitted feature transform: apply it to new rows to get the model's inputs. */
  features: FittedFeatures;
  /** Held-out rows of the training dataset (for 'validation' evaluation after a reload). */
  valRows?: Uint32Array;
  /** The world it was trained in and its training days (the evaluation streams come from them). */
  world: WorldParams;
  days: [number, number];
}

/** Overrides for an MLP retrain on the sparse rows (1M rows, seed clickcycle, wasm): test AUC 0.936, against
 * 0.9295 for logistic regression and 0.928 for the same MLP after 30 epochs (which overfits the noisy labels). */
export const MLP_TRAIN_OVERRIDES: Partial<TrainConfig> = { model: 'mlp', hidden: [32, 16], epochs: 2, batchSize: 16384, learningRate: 0.03 };

/** What one of the lab worker's byte-budgeted caches holds. */
export interface CacheReport {
  name: string;
  entries: number;
  bytes: number;
  /** Bytes it may hold before its least recently used entries go. */
  budget: number;
}

/** Fold `index` of `k` for out-of-fold training: seeded random rows, or (by 'day') the index-th of k contiguous day ranges. */
export interface FoldSpec {
  k: number;
  index: number;
  by?: 'row' | 'day';
  /** With `by: 'day'`: days either side of the held-out range left out of training too (a buffer). */
  gapDays?: number;
}

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
