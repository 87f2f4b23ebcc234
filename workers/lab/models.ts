// The worker's trained models: plain-array weights plus what is needed to score new rows.
import type { BackendName, ExportedModel, ModelInfo, TrainConfig } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import type { FittedFeatures } from './featurize.ts';
import { paramCount, type ModelWeights } from './model.ts';
import { ByteLru } from '../../src/lib/lab/lru.ts';
import { CACHE_BUDGETS } from '../../src/lib/lab/budget.ts';
import { freshId } from './ids.ts';
import { LAB_POOL } from './pool.ts';
import { labLog } from './log.ts';

/** A trained model kept in the worker. */
export interface ModelRecord {
  id: string;
  version: string;
  config: TrainConfig;
  weights: ModelWeights;
  features: FittedFeatures;
  /** Rows of the training dataset held out for validation. */
  valRows: Uint32Array;
  /** The world it was trained in and its training days (evaluation streams are drawn from them). */
  world: WorldParams;
  days: [number, number];
  backend: BackendName;
  createdAt: number;
}

/** Bytes of a model's arrays. */
function modelBytes(m: ModelRecord): number {
  return m.valRows.byteLength + m.weights.layers.reduce((s, l) => s + l.W.byteLength + l.b.byteLength, 0);
}

/** Models by id, least recently used dropped first beyond the budget (the UI disposes those it no longer lists). */
const models = new ByteLru<string, ModelRecord>('models', CACHE_BUDGETS.models, modelBytes, { pool: LAB_POOL, sheddable: false });

/** What the model cache holds, for the memory report. */
export function modelStats() {
  return models.stats();
}
/** Stores a model under a fresh id (unique across worker restarts, see ids.ts). */
export function addModel(r: Omit<ModelRecord, 'id' | 'version' | 'createdAt'> & { version?: string }): ModelRecord {
  const { id, n } = freshId('m');
  const rec: ModelRecord = { ...r, id, version: r.version ?? `v${n}`, createdAt: Date.now() };
  models.set(rec.id, rec);
  return rec;
}

/** A stored model, or a clear error. */
export function getModel(id: string): ModelRecord {
  const m = models.get(id);
  if (!m) labLog(`asked for model ${id}, which is not held (held: ${models.keys().join(', ') || 'none'})`);
  if (!m) throw new Error(`unknown model ${id} (disposed, or dropped beyond the lab's ${CACHE_BUDGETS.models / 2 ** 20} MB model budget; a job that needs it trains it again from the link’s settings)`);
  return m;
}

/** Holds a model (and the dataset it was trained on, whose validation rows it evaluates) for a job
 * until the returned release is called: the budget never drops them meanwhile. */
export function holdModel(id: string, holdData: (datasetId: string) => () => void): () => void {
  const release = models.pin(id);
  const data = models.peek(id)?.config.datasetId;
  const releaseData = data ? holdData(data) : () => undefined;
  return () => {
    release();
    releaseData();
  };
}

/** Forgets a model; true if it existed. */
export function removeModel(id: string): boolean {
  return models.delete(id);
}

/** The run history's view of every stored model. */
export function modelInfos(): ModelInfo[] {
  return models.values().map((m) => ({
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

/** A model as plain data (copies of its arrays), for serving and persistence. */
export function exportModel(id: string): ExportedModel {
  const m = getModel(id);
  return {
    version: m.version,
    config: m.config,
    backend: m.backend,
    kind: m.weights.kind,
    layers: m.weights.layers.map((l) => ({ ...l, W: l.W.slice(), b: l.b.slice() })),
    features: m.features,
    valRows: m.valRows.slice(),
    world: m.world,
    days: m.days,
  };
}

/** Stores an exported model again (after a reload) under a fresh id; checks its shapes. */
export function importModel(e: ExportedModel): ModelRecord {
  let width = e.features.d;
  for (const l of e.layers) {
    if (l.inDim !== width || l.W.length !== l.inDim * l.outDim || l.b.length !== l.outDim) throw new Error(`model ${e.version}: layer shapes do not fit`);
    width = l.outDim;
  }
  if (width !== 1) throw new Error(`model ${e.version}: the last layer must have one output`);
  return addModel({
    version: e.version,
    config: e.config,
    backend: e.backend,
    weights: { kind: e.kind, layers: e.layers },
    features: e.features,
    valRows: e.valRows ?? new Uint32Array(0),
    world: e.world,
    days: e.days,
  });
}
