// Step 9–10: concept drift. From about day 58 a growing share of some categories' queries become
// relevant to another ad category. A model trained on days 0–44 scores well on its own held-out
// days and clearly worse on day 89; training on days 75–88 recovers most of the gap; in a
// stationary world (drift = 0) there is no gap. Training sets are collected streams (all
// positives, 1% of negatives weighted ×100), labels fixed; AUC on weighted evaluation streams. A
// property of the simulated world, checked with the reference learner and the encoder of support.ts;
// the app's pipeline runs the same steps in drift-pipeline.test.ts.
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/lib/sim/world.ts';
import { fit, predict, rows, SEEDS, weightedAuc, world } from './support.ts';

const X = { cross: true };

/** AUCs of the old model on its held-out days and on yesterday, and (if asked) of the recent model on yesterday. */
function drift(w: World, retrain: boolean): { old: number; yesterday: number; recent: number } {
  const trainOld = rows(w, { rows: 10_000_000, stream: 'collect-old', days: [0, 44], negKeep: 0.01, keepBy: 'truth' });
  const testOld = rows(w, { rows: 6_000_000, stream: 'test-old', days: [0, 44], negKeep: 0.02, keepBy: 'truth' });
  const yest = rows(w, { rows: 5_000_000, stream: 'yesterday', days: [89, 89], negKeep: 0.02, keepBy: 'truth' });
  const mOld = fit(trainOld, X, trainOld.truth);
  let recent = NaN;
  if (retrain) {
    const trainNew = rows(w, { rows: 10_000_000, stream: 'collect-new', days: [75, 88], negKeep: 0.01, keepBy: 'truth' });
    recent = weightedAuc(predict(fit(trainNew, X, trainNew.truth), yest, X), yest.truth, yest.weight);
  }
  return {
    old: weightedAuc(predict(mOld, testOld, X), testOld.truth, testOld.weight),
    yesterday: weightedAuc(predict(mOld, yest, X), yest.truth, yest.weight),
    recent,
  };
}

describe('step 9: drift makes the model stale; retraining on recent days recovers', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: gap ≥ 0.05 at default drift, mostly recovered by days 75–88, ≤ 0.02 at drift 0`, () => {
      const d = drift(world(seed), true);
      const s = drift(world(seed, { drift: 0 }), false);
      const gap = d.old - d.yesterday;
      console.info(
        `step9 ${seed}: drift 0.9: old test ${d.old.toFixed(3)}, yesterday ${d.yesterday.toFixed(3)} (gap ${gap.toFixed(3)}), ` +
          `retrained on 75–88 ${d.recent.toFixed(3)}; drift 0: old ${s.old.toFixed(3)}, yesterday ${s.yesterday.toFixed(3)} (gap ${(s.old - s.yesterday).toFixed(3)})`,
      );
      expect(gap).toBeGreaterThanOrEqual(0.05);
      expect(d.recent - d.yesterday).toBeGreaterThanOrEqual(0.5 * gap);
      expect(s.old - s.yesterday).toBeLessThanOrEqual(0.02);
    });
  }
});
