// The freshness chart (He et al. 2014): models trained on a window ending at several days, each
// tested on every following day; AUC against days since training shows how fast a model goes stale.
import type { FreshnessCurve, JobProgress } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { perDaySet } from './drift-sets.ts';
import { scoreSet } from './evaluate.ts';
import { getModel, removeModel } from './models.ts';
import { disposeDataset } from './datasets.ts';
import { aucByDay } from './perday.ts';
import { trainWindow } from './window.ts';
import { CancelledError } from './yield.ts';

/** Last training days of the chart's models. */
export const FRESHNESS_END_DAYS = [44, 54, 64, 74];
/** Days in each model's training window. */
export const FRESHNESS_WINDOW = 14;
/** Candidate rows streamed per model (fewer than a story retrain: four models in a few seconds). */
const FRESHNESS_ROWS = 4_000_000;

/** Trains the chart's models one after another and tests each on every later day. */
export async function freshness(params: WorldParams, cancelled: () => boolean, onProgress?: (p: JobProgress) => void): Promise<FreshnessCurve[]> {
  const first = FRESHNESS_END_DAYS[0]! + 1;
  const set = await perDaySet(params, first, cancelled);
  const curves: FreshnessCurve[] = [];
  const k = FRESHNESS_END_DAYS.length;
  for (const [i, end] of FRESHNESS_END_DAYS.entries()) {
    if (cancelled()) throw new CancelledError();
    const days: [number, number] = [end - FRESHNESS_WINDOW + 1, end];
    const r = await trainWindow(
      { params, days, rows: FRESHNESS_ROWS, version: `fresh-${end}` },
      { cancelled, onProgress: (p) => onProgress?.({ fraction: (i + p.fraction) / k, stage: `model ${i + 1} of ${k}: ${p.stage}` }) },
    );
    const m = getModel(r.modelId);
    try {
      const pred = await scoreSet(m, set);
      const points = aucByDay(set, pred, first)
        .filter((d) => d.day > end)
        .map((d) => ({ daysSince: d.day - end, day: d.day, auc: d.auc.value, positives: d.positives, rows: d.rows }));
      curves.push({ endDay: end, trainDays: days, points });
    } finally {
      // The chart's models and their collections are not kept: four per chart would push the
      // story's own datasets out of the worker's store.
      removeModel(r.modelId);
      disposeDataset(r.config.datasetId);
    }
  }
  onProgress?.({ fraction: 1, stage: 'done' });
  return curves;
}
