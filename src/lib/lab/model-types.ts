// The lab's models across the worker boundary: a training run's settings, progress and result, the
// evaluation report drawn about a model, and a model exported as plain data.
import type { WorldParams } from '../sim/types.ts';
import type { FittedFeatures } from '../features/index.ts';
import type { BackendName, JobProgress } from './worker-types.ts';

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

/** Fold `index` of `k` for out-of-fold training: seeded random rows, or (by 'day') the index-th of k contiguous day ranges. */
export interface FoldSpec {
  k: number;
  index: number;
  by?: 'row' | 'day';
  /** With `by: 'day'`: days either side of the held-out range left out of training too (a buffer). */
  gapDays?: number;
}
