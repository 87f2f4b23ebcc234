// The lab's domain types: what crosses the boundary between the lab worker and the UI (plain data only,
// no tensors, no tfjs types). They live in src/lib so the domain, the worker and the UI all import downward.
// The worker implements LabApi over them (workers/lab.worker.ts exports `type LabApi = typeof api`).
import type { WorldParams } from '../sim/types.ts';
import type { FittedFeatures } from '../features/index.ts';

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
  validation: EvalReport;
  millis: number;
  examplesPerSec: number;
  /** Set if the backend failed mid-run and training finished on another one. */
  backendFallback?: string;
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

/** One throughput measurement of the training benchmark. */
export interface BenchRow {
  backend: string;
  /** 'logreg' | 'mlp' on tfjs, or 'plain-ts' for the Float32Array SGD baseline. */
  model: string;
  batchSize: number;
  /** Best rate over windows of ≥ 150 ms (robust to other processes on a shared machine). */
  examplesPerSec: number;
  /** Rate over the whole timed run. */
  meanExamplesPerSec: number;
  /** Examples timed (after one warm-up batch). */
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

/** A model's AUC on one day of a clean (truth-labelled) per-day evaluation stream. */
export interface DayAuc {
  day: number;
  auc: MetricValue;
  /** Weighted positives that day. */
  positives: number;
  rows: number;
}

/** One column of a drift report: the test Evidently would choose, its verdict, and the histograms. */
export interface DriftColumnReport {
  /** Feature name (data-feature), e.g. 'device', 'query_category', or 'target' / 'prediction'. */
  name: string;
  numeric: boolean;
  /** 'psi' | 'ks_p' | 'chi2_p' | 'js' | 'wasserstein' (the data-metric of the verdict). */
  metric: 'psi' | 'ks_p' | 'chi2_p' | 'js' | 'wasserstein';
  value: number;
  threshold: number;
  drifted: boolean;
  /** Every measure computed for the column. */
  all: Partial<Record<'psi' | 'ks_p' | 'chi2_p' | 'js' | 'wasserstein', number>>;
  /** Bin labels (categories, or ranges) with reference and current shares. */
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
  /** AUC on days endDay+1 … 89, by days since training. */
  points: { daysSince: number; day: number; auc: number }[];
}

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

/** One slice of the error analysis (see src/lib/labels/slices.ts SliceRow). */
export interface SliceStat {
  slice: string;
  family: string;
  name: string;
  rows: number;
  weight: number;
  positiveRate: number;
  meanPrediction: number;
  errorRate: number;
  falsePositives: number;
  fpShare: number;
}

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

/** Fold `index` of `k` for out-of-fold training: seeded random rows, or (by 'day') the index-th of k contiguous day ranges. */
export interface FoldSpec {
  k: number;
  index: number;
  by?: 'row' | 'day';
  /** With `by: 'day'`: days either side of the held-out range left out of training too (a buffer). */
  gapDays?: number;
}
