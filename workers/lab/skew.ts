// The skew slider's retrain: a world at the chosen skew, its log with clean labels, a quick model,
// and recall, precision and PR-AUC at 0.5 on that world's own weighted stream of true labels.
import { evaluate } from '../../src/lib/metrics/index.ts';
import type { SkewPoint, TrainConfig, TrainProgress } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { addDataset, disposeDataset, generateRows, worldFor } from './datasets.ts';
import { scoreSet } from './evaluate.ts';
import { getModel, removeModel } from './models.ts';
import { runTraining } from './train-job.ts';

/** Candidate rows of the slider's training log and of its evaluation stream. */
export const SKEW_LOG_ROWS = 300_000;
const SKEW_EVAL_ROWS = 2_000_000;
/** Negatives kept in the evaluation stream, about. */
const SKEW_EVAL_NEGATIVES = 200_000;

/** Trains at one skew and measures the model at threshold 0.5. */
export async function skewPoint(params: WorldParams, cfg: Omit<TrainConfig, 'datasetId'>, onProgress?: (p: TrainProgress) => void, cancelled?: () => boolean): Promise<SkewPoint> {
  const t0 = performance.now();
  const world = worldFor(params);
  const log = await generateRows(world, { rows: SKEW_LOG_ROWS, stream: 'skew-log' }, undefined, cancelled);
  const ds = addDataset({ params: world.params, world, cols: { ...log, label: log.truth }, opts: { rows: SKEW_LOG_ROWS, stream: 'skew-log' } });
  try {
    const r = await runTraining({ ...cfg, datasetId: ds.id, version: `skew ${params.skew}` }, { onProgress, cancelled });
    const m = getModel(r.modelId);
    try {
      const negKeep = Math.min(1, SKEW_EVAL_NEGATIVES / SKEW_EVAL_ROWS);
      const cols = await generateRows(world, { rows: SKEW_EVAL_ROWS, stream: 'skew-eval', negKeep, keepBy: 'truth' }, undefined, cancelled);
      const pred = await scoreSet(m, { name: 'skew-eval', cols, labels: cols.truth });
      const e = evaluate(pred, cols.truth, cols.weight, { curvePoints: 2, reliabilityBins: 1 });
      let predictedPositive = 0;
      for (let i = 0; i < pred.length; i++) if (pred[i]! >= 0.5) predictedPositive += cols.weight[i]!;
      return {
        skew: params.skew,
        rows: cols.n,
        positives: e.positives,
        recall: e.recall.value,
        precision: e.precision.value,
        prAuc: e.prAuc.value,
        auc: e.auc.value,
        accuracy: e.accuracy.value,
        predictedPositive,
        millis: performance.now() - t0,
      };
    } finally {
      removeModel(r.modelId);
    }
  } finally {
    disposeDataset(ds.id);
  }
}
