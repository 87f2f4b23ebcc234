// The lab worker's API: datasets, features, training and evaluation behind one comlink API, exposed
// by start() (called once by the worker's entry, workers/lab.worker.ts, which loads this module).
// Tensors never leave this worker; results are plain data, big arrays go by transfer.
import { expose } from 'comlink';
import { tf } from './tf.ts';
import type {
  BackendName,
  BackendReport,
  DatasetSummary,
  ExportedModel,
  FeatureToggles,
  GenerateRequest,
  JobProgress,
  MemoryReport,
  ModelInfo,
  TrainConfig,
  TrainProgress,
  TrainResult,
} from '../lab-types.ts';
import { chooseBackend, nextBackend } from './choose.ts';
import { backendLost } from './backends.ts';
import { createDataset, disposeDataset, getDataset } from './datasets.ts';
import { summarize } from './summary.ts';
import { prepare } from './prepared.ts';
import { runTraining } from './train-job.ts';
import { cancelJobs, runJob } from './jobs.ts';
import { holding } from './holds.ts';
import { controlApi, type OnProgress } from './control.ts';
import { evalApi } from './eval-ops.ts';
import { exportModel, getModel, importModel, modelInfos, removeModel } from './models.ts';
import { baselineDays } from './policy.ts';
import type { PolicyDay } from '../../src/lib/business/types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { benchApi } from './bench-api.ts';
import { labelsApi } from './labels-api.ts';
import { driftApi } from './drift-api.ts';
import { exportApi } from './export.ts';
import { memoryReport } from './memory.ts';
import { checkTrain } from '../../src/lib/lab/budget.ts';
import { takeTrainFault, testHooksApi, type TestHooksApi } from './test-hooks.ts';

/** The backend report of the last init (used to pick the fallback order); null until a backend runs. */
let backendReport: BackendReport | null = null;
/** The backend the last init asked for: a job that finds no backend started chooses this one. */
let wanted: BackendName | 'auto' = 'auto';

/** Starts the wanted backend unless one runs (called inside a queued job, so it never races init). */
async function ensureBackend(): Promise<BackendReport> {
  backendReport ??= await chooseBackend(wanted);
  return backendReport;
}

const api = {
  /** Chooses and starts a backend ('auto' measures; a name forces it, falling back if it cannot start).
   * Cancels the jobs before it (tensors must not change backend under a running job); it is itself
   * never cancelled: the jobs asked after it wait for it. */
  async init(preference: BackendName | 'auto' = 'auto'): Promise<BackendReport> {
    wanted = preference;
    return runJob(
      async () => {
        backendReport = null;
        return ensureBackend();
      },
      { pinned: true, label: 'init' },
    );
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
    }, { label: 'generate' });
  },

  /** Featurises a dataset ahead of training (cached for the train call with the same split). */
  async buildFeatures(datasetId: string, features: FeatureToggles, seed: string, validationFraction: number): Promise<{ names: string[]; rows: number; millis: number }> {
    return runJob(async () => {
      const ds = getDataset(datasetId);
      checkTrain({ rows: ds.cols.n, features, model: 'logreg', hidden: [], batchSize: 1 });
      const p = prepare(ds, features, seed, validationFraction);
      return { names: p.features.names, rows: p.train.n + p.val.n, millis: p.millis };
    }, { label: 'features', supersede: false, hold: holding({ datasets: [datasetId] }) });
  },

  /** Trains a model; progress at most ~10 times a second; rejects with "cancelled" if cancelled. */
  async train(config: TrainConfig, onProgress?: OnProgress<TrainProgress>): Promise<TrainResult> {
    return runJob(async (token) => {
      await ensureBackend();
      const result = await runTraining(config, {
        onProgress,
        cancelled: () => token.cancelled,
        lost: backendLost,
        fallback: async (failed) => nextBackend(failed, backendReport),
        faultAtBatch: __TEST_HOOKS__ ? takeTrainFault() : undefined,
      });
      if (result.backendFallback && backendReport) backendReport = { ...backendReport, backend: result.backend, fallbackFrom: backendReport.backend, reason: result.backendFallback };
      return result;
    }, { label: 'train', hold: holding({ datasets: [config.datasetId] }) });
  },

  /** The rule-based baseline policy over 14 simulated days of the world (step 1's business picture);
   * in its own lane, so it neither cancels nor is cancelled by the data and training jobs. */
  async baselinePolicy(params: WorldParams): Promise<PolicyDay[]> {
    return runJob(async () => baselineDays(params), { lane: 'policy', label: 'policy' });
  },

  /** Stops the running job and the queued ones (of one lane, if given); each rejects with "cancelled". */
  cancel(lane?: string): boolean {
    return cancelJobs(lane);
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

  ...evalApi,
  ...controlApi,
  ...benchApi,
  ...labelsApi,
  ...driftApi,
  ...exportApi,
};

/** The lab worker's API as the UI sees it (through comlink's Remote). */
export type LabApi = typeof api;
/** The API of a test build (__TEST_HOOKS__ on): the same, with the hooks that break the worker. */
export type LabTestApi = LabApi & TestHooksApi;

/** Exposes the API on the worker's scope (once: a second call would answer every message twice). */
let started = false;
export function start(): void {
  if (started) return;
  started = true;
  expose(__TEST_HOOKS__ ? { ...api, ...testHooksApi } : api);
}
