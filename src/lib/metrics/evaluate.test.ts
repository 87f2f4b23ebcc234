import { describe, expect, it } from 'vitest';
import {
  accuracy,
  auc,
  averagePrecision,
  calibrationRatio,
  evaluate,
  f1,
  logLoss,
  normalizedEntropy,
  perSlice,
  precision,
  recall,
} from './index.ts';
import { seeded } from './testing.ts';

const P = new Float32Array([0.9, 0.8, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1]);
const Y = new Uint8Array([1, 1, 0, 1, 1, 0, 0, 0]);
const W = new Float32Array([1, 2, 1, 1, 3, 1, 2, 1]);

describe('evaluate', () => {
  it('fills every EvalReport field consistently with the individual metrics', () => {
    const r = evaluate(P, Y, W);
    expect(r.rows).toBe(8);
    expect(r.positives).toBe(7);
    expect(r.auc.value).toBeCloseTo(auc(P, Y, W).value, 12);
    expect(r.auc.value).toBeCloseTo(29.5 / 35, 6);
    expect(r.prAuc.value).toBeCloseTo(averagePrecision(P, Y, W).value, 12);
    expect(r.logLoss.value).toBeCloseTo(logLoss(P, Y, W).value, 12);
    expect(r.ne.value).toBeCloseTo(normalizedEntropy(P, Y, W).value, 12);
    expect(r.calibration.value).toBeCloseTo(calibrationRatio(P, Y, W).value, 12);
    expect(r.meanPrediction).toBeCloseTo(6.1 / 12, 6);
    expect(r.accuracy).toEqual(accuracy(P, Y, W));
    expect(r.precision).toEqual(precision(P, Y, W));
    expect(r.recall).toEqual(recall(P, Y, W));
    expect(r.f1).toEqual(f1(P, Y, W));
    expect(r.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(r.roc[r.roc.length - 1]).toEqual({ fpr: 1, tpr: 1 });
    expect(r.pr[0]).toEqual({ recall: 0, precision: 1 });
    expect(r.reliability.reduce((s, b) => s + b.weight, 0)).toBeCloseTo(12, 9);
    // The default confusion thresholds are the 121 log-spaced ones plus 0.5, ascending.
    expect(r.confusion.length).toBe(122);
    const at05 = r.confusion.find((c) => c.threshold === 0.5);
    expect(at05).toEqual({ threshold: 0.5, tp: 4, fp: 1, tn: 4, fn: 3 });
  });

  it('options: threshold, uniform reliability, custom thresholds', () => {
    const r = evaluate(P, Y, undefined, { threshold: 0.35, reliabilityStrategy: 'uniform', reliabilityBins: 2, confusionThresholds: [0.35] });
    // p ≥ 0.35: tp 4, fp 2 → precision 4/6, recall 1
    expect(r.precision.value).toBeCloseTo(4 / 6, 12);
    expect(r.recall.value).toBe(1);
    expect(r.confusion).toEqual([{ threshold: 0.35, tp: 4, fp: 2, tn: 2, fn: 0 }]);
    // [0, .5): .4 .4 .3 .1 (1 positive); [.5, 1]: .9 .8 .7 .6 (3 positives)
    expect(r.reliability.map((b) => b.observedRate)).toEqual([0.25, 0.75]);
  });

  it('downsamples curves of large sets to at most 200 points, endpoints kept', () => {
    const rnd = seeded(42);
    const n = 50_000;
    const p = new Float32Array(n);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rnd() < 0.05 ? 1 : 0;
      p[i] = Math.min(1, rnd() * 0.8 + 0.2 * (y[i] as number));
    }
    const r = evaluate(p, y);
    expect(r.roc.length).toBe(200);
    expect(r.pr.length).toBe(200);
    expect(r.roc[199]).toEqual({ fpr: 1, tpr: 1 });
    expect(r.pr[199]?.recall).toBe(1);
    expect(r.reliability.length).toBe(10);
  });
});

describe('perSlice', () => {
  it('computes any metric per slice, equal to the metric on the slice’s rows', () => {
    const keys = new Uint8Array([0, 0, 2, 2, 0, 2, 0, 2]);
    const res = perSlice(keys, P, Y, W, (p, y, w) => auc(p, y, w));
    expect(res.map((s) => s.key)).toEqual([0, 2]); // key 1 has no rows
    // Slice 0: rows 0,1,4,6 → scores .9+ .8+ .4+ .3−: every positive beats the negative → AUC 1.
    expect(res[0]).toMatchObject({ rows: 4, weight: 1 + 2 + 3 + 2, positives: 6 });
    expect(res[0]?.value.value).toBe(1);
    // Slice 2: rows 2,3,5,7 → .7− .6+ .4− .1−: the positive (w 1) beats .4 (w 1) and .1 (w 1), loses to .7 (w 1) → 2/3.
    expect(res[1]?.value.value).toBeCloseTo(2 / 3, 12);
  });

  it('returns undefined metrics per slice rather than failing, and skips zero-weight slices', () => {
    const keys = [0, 0, 1, 1, 2];
    const res = perSlice(keys, [0.9, 0.1, 0.8, 0.7, 0.5], [1, 0, 0, 0, 1], [1, 1, 1, 1, 0], (p, y, w) => auc(p, y, w));
    expect(res.map((s) => s.key)).toEqual([0, 1]);
    expect(res[1]?.value.value).toBeNaN();
  });

  it('works with evaluate as the metric', () => {
    const res = perSlice(new Uint16Array([3, 3, 3, 3, 5, 5, 5, 5]), P, Y, undefined, (p, y, w) => evaluate(p, y, w));
    expect(res.map((s) => s.value.rows)).toEqual([4, 4]);
  });
});
