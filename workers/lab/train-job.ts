// A training run from a TrainConfig: prepare matrices, fit, keep the model, report on validation.
import type { BackendName, TrainConfig, TrainProgress, TrainResult } from '../lab-types.ts';
import { getDataset } from './datasets.ts';
import { reportOf } from './evaluate.ts';
import { addModel } from './models.ts';
import { predictTf } from './predict.ts';
import { prepare, slotPlanOf } from './prepared.ts';
import { fit, type FitHooks } from './train.ts';
import { checkTrain } from '../../src/lib/lab/budget.ts';

/** Hooks of a run from the worker: progress, cancel flag, backend fallback, test faults. */
export type RunHooks = Pick<FitHooks, 'cancelled' | 'lost' | 'fallback' | 'faultAtBatch'> & {
  onProgress?: (p: TrainProgress) => void;
};

/** Minimum time between two progress messages of one run (ms); the final message always goes. */
const PROGRESS_EVERY_MS = 100;

/** Drops progress messages that come sooner than PROGRESS_EVERY_MS after the last one sent. */
function throttled(send?: (p: TrainProgress) => void): ((p: TrainProgress) => void) | undefined {
  if (!send) return undefined;
  let last = -Infinity;
  return (p) => {
    const now = performance.now();
    if (p.fraction < 1 && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    send(p);
  };
}

/** Trains a model per `cfg`, stores it, and returns its result with a validation report. */
export async function runTraining(cfg: TrainConfig, runHooks: RunHooks): Promise<TrainResult> {
  const t0 = performance.now();
  const hooks = { ...runHooks, onProgress: throttled(runHooks.onProgress) };
  const ds = getDataset(cfg.datasetId);
  checkTrain({ rows: ds.cols.n, features: cfg.features, model: cfg.model, hidden: cfg.hidden, batchSize: cfg.batchSize });
  hooks.onProgress?.({ fraction: 0, stage: 'building features', epoch: 0, epochs: cfg.epochs, trainLoss: NaN, valLoss: NaN, examplesPerSec: 0 });
  const tp = performance.now();
  const prep = prepare(ds, cfg.features, cfg.seed, cfg.validationFraction, cfg.fold);
  const slotPlan = slotPlanOf(prep, cfg.batchSize);
  const featuresMs = performance.now() - tp;
  const fitted = await fit(prep.train, prep.val, { ...cfg, model: cfg.model, slotPlan }, { ...hooks, progressEveryMs: PROGRESS_EVERY_MS });
  const backend = fitted.backend as BackendName;
  const days = (ds.opts.days ?? [0, 89]) as [number, number];
  const rec = addModel({ config: cfg, weights: fitted.weights, features: prep.features, valRows: prep.valRows, backend, version: cfg.version, world: ds.params, days });
  const tr = performance.now();
  const valPred = fitted.valPred ?? (await predictTf(fitted.weights, prep.val.x));
  // The validation rows' labels and weights are already in the prepared set: no copy of their columns.
  const validation = reportOf(rec, 'validation', valPred, Uint8Array.from(prep.val.y), prep.val.w);
  return {
    modelId: rec.id,
    version: rec.version,
    config: cfg,
    backend,
    featureCount: prep.features.names.length,
    featureNames: prep.features.names,
    history: fitted.history,
    curve: fitted.curve,
    validation,
    millis: performance.now() - t0,
    examplesPerSec: fitted.examplesPerSec,
    backendFallback: fitted.backendFallback,
    phases: { featuresMs, ...fitted.phases, reportMs: performance.now() - tr },
  };
}
