// Out-of-fold predictions: k models, each trained without one fold and scoring only that fold, so
// every row gets a probability from a model that never saw its label (confident learning needs them).
import { selectRows } from '../../src/lib/sim/columns.ts';
import type { TrainConfig, TrainProgress } from '../lab-types.ts';
import { getDataset } from './datasets.ts';
import { scoreSet } from './evaluate.ts';
import { getModel, removeModel } from './models.ts';
import { runTraining } from './train-job.ts';
import { CancelledError } from './yield.ts';
import { OOF_FOLD_BY, OOF_GAP_DAYS } from '../../src/lib/labels/story.ts';


/** Out-of-fold probabilities for every row of the dataset, and their folds' time. */
export async function outOfFold(cfg: TrainConfig, k: number, onProgress?: (p: TrainProgress) => void, cancelled?: () => boolean, by: 'row' | 'day' = OOF_FOLD_BY, gapDays = OOF_GAP_DAYS): Promise<Float32Array> {
  const ds = getDataset(cfg.datasetId);
  const oof = new Float32Array(ds.cols.n);
  for (let index = 0; index < k; index++) {
    const r = await runTraining(
      { ...cfg, fold: { k, index, by, gapDays }, version: `fold ${index + 1}/${k}` },
      {
        cancelled,
        onProgress: onProgress && ((p) => onProgress({ ...p, fraction: (index + p.fraction) / k, stage: `fold ${index + 1} of ${k}: ${p.stage}` })),
      },
    );
    const m = getModel(r.modelId);
    try {
      if (cancelled?.()) throw new CancelledError();
      const cols = selectRows(ds.cols, m.valRows);
      const p = await scoreSet(m, { name: `fold ${index + 1}`, cols, labels: cols.label });
      for (let i = 0; i < p.length; i++) oof[m.valRows[i]!] = p[i]!;
    } finally {
      removeModel(r.modelId);
    }
  }
  return oof;
}
