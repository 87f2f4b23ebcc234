// What the lab state needs from the worker, and that port over the one gateway to the supervised
// shared worker (labClient, src/state/lab-worker.ts), where progress callbacks are heartbeats.
import type { BackendName, BackendReport, DatasetSummary, EvalReport, EvalTarget, JobProgress, TrainConfig, TrainProgress, TrainResult } from '../lib/lab/types.ts';
import type { WorldParams } from '../lib/sim/types.ts';
import type { WorldRequest } from '../lib/url/lab-config.ts';
import type { PolicyDay } from './policy.ts';
import { labClient } from './lab-client.ts';
import { sharedLabWorker, type LossListener } from './lab-worker.ts';
import { installLabTestHooks } from './lab-test-hooks.ts';

/** What the lab state needs from the worker (implemented over src/state/lab-worker.ts). */
export interface LabPort {
  init(backend: BackendName | 'auto'): Promise<BackendReport>;
  generate(world: WorldRequest, onProgress: (p: JobProgress) => void): Promise<DatasetSummary>;
  train(config: TrainConfig, onProgress: (p: TrainProgress) => void): Promise<TrainResult>;
  /** The rule-based baseline policy per simulated day (step 1). */
  baseline(params: WorldParams): Promise<PolicyDay[]>;
  /** A trained model's report on an evaluation target (step 4 uses the large 'test' stream). */
  evaluate(modelId: string, target: EvalTarget, onProgress?: (p: JobProgress) => void): Promise<EvalReport>;
  /** Cancels the worker's running and queued jobs of one lane ('main', 'policy', 'export'), never every lane. */
  cancel(lane: string): Promise<void>;
  /** Listens for the worker's death (a fresh one is already starting); returns the unsubscribe function. */
  watch?(l: LossListener): () => void;
}

/** The shared lab worker behind the LabPort interface. */
export function createLabPort(): LabPort | null {
  if (typeof Worker === 'undefined') return null;
  const w = sharedLabWorker();
  // Only a test build (__TEST_HOOKS__) has the end-to-end tests' hooks; a reader's build has none.
  if (__TEST_HOOKS__) installLabTestHooks(w);
  const lab = labClient();
  return {
    init: (backend) => lab.init(backend),
    generate: (world, onProgress) => {
      const { rows, ...params } = world;
      return lab.generate({ params, rows }, onProgress);
    },
    train: (config, onProgress) => lab.train(config, onProgress),
    baseline: (params) => lab.baselinePolicy(params),
    evaluate: (modelId, target, onProgress) => lab.evaluate(modelId, target, onProgress),
    cancel: async (lane) => {
      await lab.cancel(lane);
    },
    watch: (l) => w.watch(l),
  };
}
