// The worker's trained models: plain-array weights plus what is needed to score new rows.
import type { BackendName, ModelInfo, TrainConfig } from '../lab-types.ts';
import type { FittedFeatures } from './featurize.ts';
import { paramCount, type ModelWeights } from './model.ts';

/** A trained model kept in the worker. */
export interface ModelRecord {
  id: string;
  version: string;
  config: TrainConfig;
  weights: ModelWeights;
  features: FittedFeatures;
  /** Rows of the training dataset held out for validation. */
  valRows: Uint32Array;
  backend: BackendName;
  createdAt: number;
}

const models = new Map<string, ModelRecord>();
let nextId = 1;

/** Stores a model under a fresh id. */
export function addModel(r: Omit<ModelRecord, 'id' | 'version' | 'createdAt'> & { version?: string }): ModelRecord {
  const n = nextId++;
  const rec: ModelRecord = { ...r, id: `m${n}`, version: r.version ?? `v${n}`, createdAt: Date.now() };
  models.set(rec.id, rec);
  return rec;
}

/** A stored model, or a clear error. */
export function getModel(id: string): ModelRecord {
  const m = models.get(id);
  if (!m) throw new Error(`unknown model ${id}`);
  return m;
}

/** Forgets a model; true if it existed. */
export function removeModel(id: string): boolean {
  return models.delete(id);
}

/** The run history's view of every stored model. */
export function modelInfos(): ModelInfo[] {
  return [...models.values()].map((m) => ({
    modelId: m.id,
    version: m.version,
    kind: m.config.model,
    datasetId: m.config.datasetId,
    backend: m.backend,
    featureCount: m.features.names.length,
    params: paramCount(m.weights),
    createdAt: m.createdAt,
  }));
}
