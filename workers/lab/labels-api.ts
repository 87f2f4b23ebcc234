// The label and imbalance operations of steps 5–8 (spread into the lab worker's API).
import { recalibrateAll } from '../../src/lib/labels/index.ts';
import type { CollectReport, CollectRequest, EvalReport, JobProgress, RelabelReport, SkewPoint, SliceReport, SuspectReport, SuspectRow, TrainConfig, TrainProgress } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { collect } from './collect.ts';
import { getDataset } from './datasets.ts';
import { evalSet } from './evalsets.ts';
import { report, scoreSet } from './evaluate.ts';
import { runJob } from './jobs.ts';
import { getModel } from './models.ts';
import { holding } from './holds.ts';
import { outOfFold } from './oof.ts';
import { relabelDataset, relabelQuote, type RelabelChoice } from './relabel.ts';
import { skewPoint } from './skew.ts';
import { sliceExamples, sliceReport } from './slices.ts';
import { suspectReport } from './suspects.ts';

type OnProgress<P> = ((p: P) => void) | undefined;

/** Spread into the worker's API. */
export const labelsApi = {
  /** Out-of-fold predictions (k folds trained here) and confident learning on them. */
  async findSuspects(config: TrainConfig, folds: number, onProgress?: OnProgress<TrainProgress>): Promise<SuspectReport> {
    return runJob(async (token) => {
      const t0 = performance.now();
      const oof = await outOfFold(config, folds, onProgress, () => token.cancelled);
      return suspectReport(getDataset(config.datasetId), oof, folds, performance.now() - t0);
    }, { hold: holding({ datasets: [config.datasetId] }) });
  },

  /** A model's error analysis by slice on its test stream. */
  async slices(modelId: string): Promise<SliceReport> {
    return runJob((token) => sliceReport(modelId, () => token.cancelled), { hold: holding({ models: [modelId] }) });
  },

  /** The top-scored test rows of one slice, readable. */
  async sliceRows(modelId: string, slice: string, limit = 12): Promise<SuspectRow[]> {
    return sliceExamples(modelId, slice, limit);
  },

  /** Rows and cost of a relabelling before paying. */
  relabelQuote(datasetId: string, choice: RelabelChoice, pricePerRow: number): { rows: number; cost: number } {
    return relabelQuote(datasetId, choice, pricePerRow);
  },

  /** Pays the oracle and stores the relabelled data as a new version. */
  relabel(datasetId: string, choice: RelabelChoice): RelabelReport {
    return relabelDataset(datasetId, choice);
  },

  /** Streams candidates and keeps every "show" and a fraction of the rest (checked and weighted). */
  async collect(req: CollectRequest, onProgress?: OnProgress<JobProgress>): Promise<CollectReport> {
    return runJob((token) =>
      collect(req, (f) => onProgress?.({ fraction: f, stage: `streaming ${Math.round(f * req.rows).toLocaleString('en')} candidates` }), () => token.cancelled),
    );
  },

  /** One skew-slider retrain. */
  async skewPoint(params: WorldParams, config: Omit<TrainConfig, 'datasetId'>, onProgress?: OnProgress<TrainProgress>): Promise<SkewPoint> {
    return runJob((token) => skewPoint(params, config, onProgress, () => token.cancelled));
  },

  /** A model's report on its gold stream after recalibrating for a negative keep rate w and a class weight c. */
  async recalibrated(modelId: string, keep: number, classWeight = 1): Promise<EvalReport> {
    return runJob(async (token) => {
      const m = getModel(modelId);
      const set = await evalSet(m, 'gold', () => token.cancelled);
      return report(m, set, recalibrateAll(await scoreSet(m, set), keep, classWeight));
    }, { hold: holding({ models: [modelId] }) });
  },
};
