// The benchmark's operations on the lab worker (npm run bench drives them from a page).
import type { BenchRow, FeatureToggles } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { benchFit, benchGenerate, benchPlain } from './bench.ts';
import { getDataset } from './datasets.ts';
import { prepare } from './prepared.ts';
import { sliceRows } from './synthetic.ts';

/** Spread into the worker's API. */
export const benchApi = {
  /** Benchmark: examples/s of each model and batch size on the active backend, time-boxed per run. */
  async benchTraining(datasetId: string, features: FeatureToggles, models: ('logreg' | 'mlp')[], hidden: number[], batchSizes: number[], budgetMs: number): Promise<BenchRow[]> {
    const m = prepare(getDataset(datasetId), features, 'bench', 0).train;
    const rows: BenchRow[] = [];
    for (const model of models) for (const bs of batchSizes) rows.push(await benchFit(m, model, hidden, bs, budgetMs));
    return rows;
  },

  /** Benchmark: the sparse plain-TypeScript baseline on the same rows as benchTraining, for the same time budget per batch size. */
  benchPlain(datasetId: string, features: FeatureToggles, batchSizes: number[], budgetMs = 1500): BenchRow[] {
    const m = prepare(getDataset(datasetId), features, 'bench', 0).train;
    benchPlain(sliceRows(m, 0, Math.min(m.n, 20_000)), 1024, 100);
    return batchSizes.map((bs) => benchPlain(m, bs, budgetMs));
  },

  /** Benchmark: rows/s of the simulator in this worker. */
  benchGenerate(params: WorldParams, rows: number): Promise<{ rows: number; millis: number; rowsPerSec: number }> {
    return benchGenerate(params, rows);
  },
};
