// Step 7: with the labels fixed, 99.99% of candidates should not show. A model trained on the
// 1,000,000-row log never says "show" at 0.5 yet is 99.99% accurate; a model trained on collected
// data (all positives of a 10M-row stream, a fraction w of its negatives) does say "show" but
// over-predicts until recalibrated by q = p/(p + (1 − p)/w); upweighting the kept negatives by 1/w
// keeps it calibrated. Metrics on a weighted evaluation stream of 10M rows, against the truth. A
// property of the simulated world, checked with the reference learner and the encoder of support.ts;
// the app's pipeline runs the same step in labels.test.ts.
import { describe, expect, it } from 'vitest';
import { fit, predict, rows, SEEDS, weightedMean, world } from './support.ts';

/** Fraction of negatives kept when collecting more data. */
const W = 0.001;
/** Largest relative error of a mean prediction against the true base rate. */
const CALIBRATION_TOLERANCE = 0.25;
const X = { cross: true };

/** Weighted recall and accuracy at threshold 0.5. */
function atHalf(p: Float32Array, truth: Uint8Array, weight: Float32Array): { recall: number; accuracy: number; predictedPositive: number } {
  let tp = 0;
  let pos = 0;
  let correct = 0;
  let total = 0;
  let predictedPositive = 0;
  for (let i = 0; i < p.length; i++) {
    const yhat = (p[i] as number) >= 0.5 ? 1 : 0;
    const wi = weight[i] as number;
    total += wi;
    if (yhat === truth[i]) correct += wi;
    if (yhat === 1) predictedPositive += wi;
    if (truth[i] === 1) {
      pos += wi;
      if (yhat === 1) tp += wi;
    }
  }
  return { recall: tp / pos, accuracy: correct / total, predictedPositive };
}

describe('step 7: extreme imbalance', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the log model never shows; downsampled collection shows, recalibrates, and upweighting stays calibrated`, () => {
      const w = world(seed);
      const evalSet = rows(w, { rows: 10_000_000, stream: 'test', negKeep: 0.01, keepBy: 'truth' });
      const base = weightedMean(evalSet.truth, evalSet.weight);

      const log = rows(w, { rows: 1_000_000, stream: 'log' });
      const pLog = predict(fit(log, X, log.truth), evalSet, X);
      const logAt = atHalf(pLog, evalSet.truth, evalSet.weight);

      const collected = rows(w, { rows: 10_000_000, stream: 'collect', negKeep: W, keepBy: 'truth' });
      const unweighted = new Float32Array(collected.n).fill(1);
      const pDown = predict(fit(collected, X, collected.truth, unweighted), evalSet, X);
      const downAt = atHalf(pDown, evalSet.truth, evalSet.weight);
      const q = pDown.map((p) => p / (p + (1 - p) / W));
      const pUp = predict(fit(collected, X, collected.truth, collected.weight), evalSet, X);

      const meanDown = weightedMean(pDown, evalSet.weight);
      const meanQ = weightedMean(q, evalSet.weight);
      const meanUp = weightedMean(pUp, evalSet.weight);
      console.info(
        `step7 ${seed}: base rate ${base.toExponential(2)}; log model: recall ${logAt.recall.toFixed(2)}, accuracy ${logAt.accuracy.toFixed(5)}; ` +
          `collected ${collected.n} rows (w=${W}): recall ${downAt.recall.toFixed(2)}, mean p ${(meanDown / base).toFixed(0)}× base, ` +
          `recalibrated ${(meanQ / base).toFixed(2)}× base; upweighted ${(meanUp / base).toFixed(2)}× base`,
      );
      expect(logAt.predictedPositive).toBe(0);
      expect(logAt.recall).toBe(0);
      expect(logAt.accuracy).toBeGreaterThanOrEqual(0.999);
      expect(downAt.recall).toBeGreaterThanOrEqual(0.5);
      expect(meanDown / base).toBeGreaterThan(10);
      expect(Math.abs(meanQ / base - 1)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
      expect(Math.abs(meanUp / base - 1)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    });
  }
});
