// The benchmark's operations on the lab worker (npm run bench drives them from a page).
import type { BenchRow, FeatureToggles, ModelKind } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { benchFit, benchGenerate, type BenchSide } from './bench.ts';
import { getDataset } from './datasets.ts';
import { prepare } from './prepared.ts';

/** Every model × batch size of one side, time-boxed per run, on the training rows of a dataset. */
async function benchRows(side: BenchSide, datasetId: string, features: FeatureToggles, models: ModelKind[], hidden: number[], batchSizes: number[], budgetMs: number): Promise<BenchRow[]> {
  const m = prepare(getDataset(datasetId), features, 'bench', 0).train;
  const rows: BenchRow[] = [];
  for (const model of models) for (const bs of batchSizes) rows.push(await benchFit(m, side, model, hidden, bs, budgetMs));
  return rows;
}

/** Spread into the worker's API. */
export const benchApi = {
  /** Benchmark: examples/s of each model and batch size on the active backend, time-boxed per run. */
  benchTraining(datasetId: string, features: FeatureToggles, models: ModelKind[], hidden: number[], batchSizes: number[], budgetMs: number): Promise<BenchRow[]> {
    return benchRows('tfjs', datasetId, features, models, hidden, batchSizes, budgetMs);
  },

  /** Benchmark: the same models in plain TypeScript (no tfjs), on the same rows, timed the same way. */
  benchPlain(datasetId: string, features: FeatureToggles, models: ModelKind[], hidden: number[], batchSizes: number[], budgetMs: number): Promise<BenchRow[]> {
    return benchRows('plain-ts', datasetId, features, models, hidden, batchSizes, budgetMs);
  },

  /** Benchmark: rows/s of the simulator in this worker. */
  benchGenerate(params: WorldParams, rows: number): Promise<{ rows: number; millis: number; rowsPerSec: number }> {
    return benchGenerate(params, rows);
  },
};
