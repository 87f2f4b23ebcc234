// Step 3: relevance is topical, so a logistic regression cannot learn it from one-hots of the
// query and ad categories alone; with their cross it can. Trained on the step-2 log (2M rows, its
// negatives sampled at 2% and weighted ×50: the same expected loss as the full log), evaluated on
// a weighted validation stream of 10M rows with the observed labels, as the app shows it.
import { describe, expect, it } from 'vitest';
import { fit, predict, rows, SEEDS, weightedAuc, world } from './support.ts';

/** The smallest AUC gain the cross must bring. */
const MIN_GAIN = 0.08;

describe('step 3: the query×ad category cross', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: validation AUC without the cross is ≥ ${MIN_GAIN} lower`, () => {
      const w = world(seed);
      const log = rows(w, { rows: 2_000_000, stream: 'log', negKeep: 0.02 });
      const val = rows(w, { rows: 10_000_000, stream: 'test', negKeep: 0.01 });
      const plain = fit(log, { cross: false }, log.label);
      const crossed = fit(log, { cross: true }, log.label);
      const aPlain = weightedAuc(predict(plain, val, { cross: false }), val.label, val.weight);
      const aCross = weightedAuc(predict(crossed, val, { cross: true }), val.label, val.weight);
      console.info(`step3 ${seed}: AUC without cross ${aPlain.toFixed(3)}, with cross ${aCross.toFixed(3)}, gain ${(aCross - aPlain).toFixed(3)}`);
      expect(aCross - aPlain).toBeGreaterThanOrEqual(MIN_GAIN);
    });
  }
});
