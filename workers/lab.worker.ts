// The lab worker: datasets, features, training and evaluation behind one comlink API.
// Tensors never leave this worker; results are plain data, big arrays go by transfer.
import { expose, transfer } from 'comlink';
import { tf } from './lab/tf.ts';
import type {
  BackendName,
  BackendReport,
  DatasetSummary,
  EvalReport,
  EvalTarget,
  ExportedModel,
  FeatureToggles,
  GenerateRequest,
  JobProgress,
  MemoryReport,
  ModelInfo,
  TrainConfig,
  TrainProgress,
  TrainResult,
} from './lab-types.ts';
import { chooseBackend, nextBackend } from './lab/choose.ts';
import { backendLost, failNextStartOf } from './lab/backends.ts';
import { createDataset, disposeDataset, getDataset } from './lab/datasets.ts';
import { summarize } from './lab/summary.ts';
import { prepare } from './lab/prepared.ts';
import { runTraining } from './lab/train-job.ts';
import { cancelCurrent, runJob } from './lab/jobs.ts';
import { exportModel, getModel, importModel, modelInfos, removeModel } from './lab/models.ts';
import { evalSet } from './lab/evalsets.ts';
import { report, scoreSet } from './lab/evaluate.ts';
import { transform } from './lab/featurize.ts';
import { predictTf } from './lab/predict.ts';
import { selectRows } from '../src/lib/sim/columns.ts';
import { baselineDays } from './lab/policy.ts';
import type { PolicyDay } from '../src/lib/business/types.ts';
import type { WorldParams } from '../src/lib/sim/types.ts';
import { benchApi } from './lab/bench-api.ts';
import { memoryReport } from './lab/memory.ts';
import { checkTrain } from '../src/lib/lab/budget.ts';

/** The backend report of the last init (used to pick the fallback order). */
let backendReport: BackendReport | null = null;
/** Test hook: the next training run fails on its backend at this batch. */
let faultAtBatch: number | undefined;

/** Progress callbacks arrive as comlink proxies; they may be missing. */
type OnProgress<P> = ((p: P) => void) | undefined;

const api = {
  /** Chooses and starts a backend ('auto' measures; a name forces it, falling back if it cannot start).
   * Cancels a job in flight first: tensors must not change backend under a running job. */
  async init(preference: BackendName | 'auto' = 'auto'): Promise<BackendReport> {
    return runJob(async () => {
      backendReport = await chooseBackend(preference);
      return backendReport;
    });
  },

  /** Generates a dataset in the worker; the UI gets its summary, histograms and sample rows. */
  async generate(req: GenerateRequest, onProgress?: OnProgress<JobProgress>): Promise<DatasetSummary> {
    return runJob(async (token) => {
      const t0 = performance.now();
      let last = 0;
      const ds = await createDataset(
        req,
        (f) => {
          const now = performance.now();
          if (now - last >= 100 || f >= 1) {
            last = now;
            onProgress?.({ fraction: f, stage: `generating ${Math.round(f * req.rows).toLocaleString('en')} rows` });
          }
        },
        () => token.cancelled,
      );
      return summarize(ds, performance.now() - t0);
    });
  },

  /** Featurises a dataset ahead of training (cached for the train call with the same split). */
  async buildFeatures(datasetId: string, features: FeatureToggles, seed: string, validationFraction: number): Promise<{ names: string[]; rows: number; millis: number }> {
    const ds = getDataset(datasetId);
    checkTrain({ rows: ds.cols.n, features, model: 'logreg', hidden: [], batchSize: 1 });
    const p = prepare(ds, features, seed, validationFraction);
    return { names: p.features.names, rows: p.train.n + p.val.n, millis: p.millis };
  },

  /** Trains a model; progress at most ~10 times a second; rejects with "cancelled" if cancelled. */
  async train(config: TrainConfig, onProgress?: OnProgress<TrainProgress>): Promise<TrainResult> {
    if (!backendReport) backendReport = await chooseBackend('auto');
    return runJob(async (token) => {
      const fault = faultAtBatch;
      faultAtBatch = undefined;
      const result = await runTraining(config, {
        onProgress,
        cancelled: () => token.cancelled,
        lost: backendLost,
        fallback: async (failed) => nextBackend(failed, backendReport),
        faultAtBatch: fault,
      });
      if (result.backendFallback && backendReport) backendReport = { ...backendReport, backend: result.backend, fallbackFrom: backendReport.backend, reason: result.backendFallback };
      return result;
    });
  },

  /** The rule-based baseline policy over 14 simulated days of the world (step 1's business picture). */
  baselinePolicy(params: WorldParams): PolicyDay[] {
    return baselineDays(params);
  },

  /** Stops the job in flight (training or generation); it rejects with "cancelled". */
  cancel(): boolean {
    return cancelCurrent();
  },

  /** Evaluates a model on its validation split, a large test / gold / yesterday stream, a day range, or a slice. */
  async evaluate(modelId: string, target: EvalTarget = 'validation'): Promise<EvalReport> {
    const m = getModel(modelId);
    const set = await evalSet(m, target);
    return report(m, set);
  },

  /** Probabilities for rows of a dataset (all rows if omitted), transferred without copying. */
  async predict(modelId: string, datasetId: string, rows?: Uint32Array): Promise<Float32Array> {
    const m = getModel(modelId);
    const cols = getDataset(datasetId).cols;
    const f = transform(m.features, rows ? selectRows(cols, rows) : cols);
    const p = await predictTf(m.weights, f.X, f.n, f.d);
    return transfer(p, [p.buffer]);
  },

  /** Scores of a model on an evaluation target with its labels and weights, for custom charts. */
  async scores(modelId: string, target: EvalTarget): Promise<{ pred: Float32Array; labels: Uint8Array; weights: Float32Array }> {
    const m = getModel(modelId);
    const set = await evalSet(m, target);
    const out = { pred: await scoreSet(m, set), labels: set.labels.slice(), weights: set.cols.weight.slice() };
    return transfer(out, [out.pred.buffer, out.labels.buffer, out.weights.buffer]);
  },

  /** Every trained model still held. */
  listModels(): ModelInfo[] {
    return modelInfos();
  },

  /** A model as plain data (weights, fitted features, config) for the serving worker or IndexedDB. */
  exportModel(modelId: string): ExportedModel {
    return exportModel(modelId);
  },

  /** Brings back an exported model (after a reload); its dataset must be generated again to evaluate it. */
  importModel(model: ExportedModel): ModelInfo {
    const id = importModel(model).id;
    return modelInfos().find((m) => m.modelId === id)!;
  },

  /** Forgets a model. */
  disposeModel(modelId: string): boolean {
    return removeModel(modelId);
  },

  /** Forgets a dataset. */
  disposeDataset(datasetId: string): boolean {
    return disposeDataset(datasetId);
  },

  /** tfjs memory of the active backend (flat across retrains when nothing leaks) and the bytes each cache holds. */
  memory(): MemoryReport & { backend: string } {
    return { ...memoryReport(), backend: tf.getBackend() };
  },

  /** Test hooks: fail the next training run at a batch, or the next start of a backend. */
  injectFault(fault: { trainAtBatch?: number; failStartOf?: BackendName }): void {
    faultAtBatch = fault.trainAtBatch;
    failNextStartOf(fault.failStartOf ?? null);
  },

  ...benchApi,
};

/** The lab worker's API as the UI sees it (through comlink's Remote). */
export type LabApi = typeof api;

expose(api);
