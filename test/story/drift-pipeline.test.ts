// Steps 9–10 in the app's own pipeline (the lab worker's modules in Node, cpu backend): the stale
// model (the step-7/8 recipe on days 0–44) is good on its old test days and clearly worse on
// yesterday at the default drift; the drift report flags the drifted features (device mix, the
// seasonal query categories and their cross); training on the last 14 days recovers. At drift 0
// nothing decays and almost nothing is flagged. Metrics against the truth (clean labels).
import { beforeAll, describe, expect, it } from 'vitest';
import { startBackend } from '../../workers/lab/backends.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/params.ts';
import { trainWindow } from '../../workers/lab/window.ts';
import { staleEval } from '../../workers/lab/drift-api.ts';
import { driftReport } from '../../workers/lab/drift.ts';
import { getModel, removeModel } from '../../workers/lab/models.ts';
import { SEEDS } from './support.ts';

const never = () => false;
/** The features the world drifts at drift > 0 (device mix, seasonal query popularity, and the cross that contains it). */
const DRIFTED = ['device', 'query_category', 'category_cross'];

beforeAll(async () => {
  expect(await startBackend('cpu')).toBeNull();
});

/** Old-test and yesterday AUC of the stale model, its drift report, and (if asked) a model trained on days 75–88 on yesterday. */
async function story(seed: string, drift: number, retrain: boolean) {
  const params = { ...DEFAULT_PARAMS, seed, drift };
  const stale = await trainWindow({ params, days: [0, 44] }, {});
  const e = await staleEval(stale.modelId, never);
  const report = await driftReport(getModel(stale.modelId), never);
  removeModel(stale.modelId);
  let fresh = NaN;
  if (retrain) {
    const f = await trainWindow({ params, days: [75, 88] }, {});
    fresh = (await staleEval(f.modelId, never, false)).yesterday.auc.value;
    removeModel(f.modelId);
  }
  return { old: e.oldTest!.auc.value, yesterday: e.yesterday.auc.value, fresh, report };
}

describe('steps 9–10 in the app pipeline', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: a gap at default drift with the drifted features flagged and recovered by the last 14 days; none at drift 0`, async () => {
      const d = await story(seed, DEFAULT_PARAMS.drift, true);
      const s = await story(seed, 0, false);
      const flagged = (r: typeof d.report) => r.features.filter((f) => f.drifted).map((f) => f.name);
      console.info(
        `steps 9–10 ${seed}: drift ${DEFAULT_PARAMS.drift}: old test ${d.old.toFixed(3)}, yesterday ${d.yesterday.toFixed(3)} (gap ${(d.old - d.yesterday).toFixed(3)}), ` +
          `last 14 days ${d.fresh.toFixed(3)}; flagged ${flagged(d.report).join(', ')} (${d.report.millis.toFixed(0)} ms); ` +
          `drift 0: old ${s.old.toFixed(3)}, yesterday ${s.yesterday.toFixed(3)}, flagged ${s.report.count}/${s.report.features.length}`,
      );
      expect(d.old - d.yesterday).toBeGreaterThanOrEqual(0.05);
      for (const f of DRIFTED) expect(flagged(d.report)).toContain(f);
      expect(d.fresh).toBeGreaterThanOrEqual(d.old - 0.02);
      expect(Math.abs(s.old - s.yesterday)).toBeLessThanOrEqual(0.02);
      expect(s.report.share).toBeLessThanOrEqual(0.1);
    }, 120_000);
  }
});
