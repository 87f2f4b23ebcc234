// The lab worker's methods that only tests and the benchmark call: timing runs, featurising ahead of
// training, raw predictions, and looking into (or emptying) what the worker holds. api.ts adds them
// to the worker's API in a test or bench build only (__LAB_SEAMS__, see vite.config.ts), so the page
// a reader loads cannot call them; test/e2e/no-test-hooks.test.ts searches the production build.
import { transfer } from 'comlink';
import { tf } from './tf.ts';
import type { ExportedModel, FeatureToggles, MemoryReport, ModelInfo } from '../lab-types.ts';
import { selectRows } from '../../src/lib/sim/columns.ts';
import { checkTrain } from '../../src/lib/lab/budget.ts';
import { disposeDataset, getDataset } from './datasets.ts';
import { prepare } from './prepared.ts';
import { transform } from './featurize.ts';
import { predictTf } from './predict.ts';
import { runJob } from './jobs.ts';
import { holding } from './holds.ts';
import { getModel, importModel, modelInfos, removeModel } from './models.ts';
import { memoryReport } from './memory.ts';
import type { benchApi } from './bench-api.ts';
import { check } from './eval-ops.ts';

/** Spread into the worker's API in a test or bench build, with the benchmark's (bench-api.ts). No spread
 * here: an object spread at the top of a module is kept by the bundler even when nothing uses it. */
export const seamsApi = {
  /** Featurises a dataset ahead of training (cached for the train call with the same split). */
  async buildFeatures(datasetId: string, features: FeatureToggles, seed: string, validationFraction: number): Promise<{ names: string[]; rows: number; millis: number }> {
    return runJob(async () => {
      const ds = getDataset(datasetId);
      checkTrain({ rows: ds.cols.n, features, model: 'logreg', hidden: [], batchSize: 1 });
      const p = prepare(ds, features, seed, validationFraction);
      return { names: p.features.names, rows: p.train.n + p.val.n, millis: p.millis };
    }, { label: 'features', supersede: false, hold: holding({ datasets: [datasetId] }) });
  },

  /** Probabilities for rows of a dataset (all rows if omitted), transferred without copying. */
  async predict(modelId: string, datasetId: string, rows?: Uint32Array): Promise<Float32Array> {
    return runJob(
      async (token) => {
        const m = getModel(modelId);
        const cols = getDataset(datasetId).cols;
        const f = transform(m.features, rows ? selectRows(cols, rows) : cols);
        check(token);
        const p = await predictTf(m.weights, f.X, f.n, f.d);
        return transfer(p, [p.buffer]);
      },
      { label: 'predict', supersede: false, hold: holding({ models: [modelId], datasets: [datasetId] }) },
    );
  },

  /** Every trained model still held. */
  listModels(): ModelInfo[] {
    return modelInfos();
  },

  /** Brings back an exported model; its dataset must be generated again to evaluate it. */
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
};

export type SeamsApi = typeof seamsApi & typeof benchApi;
