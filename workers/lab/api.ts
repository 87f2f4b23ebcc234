// The lab worker's API: datasets, features, training and evaluation behind one comlink API, exposed
// by start() (called once by the worker's entry, workers/lab.worker.ts, which loads this module).
// Tensors never leave this worker; results are plain data, big arrays go by transfer.
import { expose } from 'comlink';
import type {
  BackendName,
  BackendReport,
  DatasetSummary,
  ExportedModel,
  GenerateRequest,
  JobProgress,
  TrainConfig,
  TrainProgress,
  TrainResult,
} from '../lab-types.ts';
import { chooseBackend, nextBackend } from './choose.ts';
import { backendLost } from './backends.ts';
import { createDataset } from './datasets.ts';
import { summarize } from './summary.ts';
import { runTraining } from './train-job.ts';
import { cancelJobs, runJob } from './jobs.ts';
import type { LabLane } from '../../src/lib/lanes.ts';
import { holding } from './holds.ts';
import { controlApi, type OnProgress } from './control.ts';
import { evalApi } from './eval-ops.ts';
import { exportModel } from './models.ts';
import { baselineDays } from './policy.ts';
import type { PolicyDay } from '../../src/lib/market/types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { seamsApi, type SeamsApi } from './seams-api.ts';
import { benchApi } from './bench-api.ts';
import { labelsApi } from './labels-api.ts';
import { driftApi } from './drift-api.ts';
import { exportApi } from './export.ts';
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
  cancel(lane?: LabLane): boolean {
    return cancelJobs(lane);
  },

  /** A model as plain data (weights, fitted features, config) for the serving worker or IndexedDB. */
  exportModel(modelId: string): ExportedModel {
    return exportModel(modelId);
  },

  ...evalApi,
  ...controlApi,
  ...labelsApi,
  ...driftApi,
  ...exportApi,
};

/** The lab worker's API as the UI sees it (through comlink's Remote). */
export type LabApi = typeof api;
/** The API of a bench build (__LAB_SEAMS__ on): the same, with the methods only tests and the bench call. */
export type LabSeamsApi = LabApi & SeamsApi;
/** The API of a test build (__TEST_HOOKS__ on too): with the hooks that break the worker as well. */
export type LabTestApi = LabSeamsApi & TestHooksApi;

/** Exposes the API on the worker's scope (once: a second call would answer every message twice). */
let started = false;
export function start(): void {
  if (started) return;
  started = true;
  const seams = __LAB_SEAMS__ ? { ...seamsApi, ...benchApi } : {};
  const hooks = __TEST_HOOKS__ ? testHooksApi : {};
  expose({ ...api, ...seams, ...hooks });
}
