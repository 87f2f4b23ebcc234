import { describe, expect, it } from 'vitest';
import { accuracy, confusionAt, confusionMatrix, f1, precision, recall } from './index.ts';

// The running example of the metric tests: 8 rows, 4 positives, 4 negatives, one tie (0.4).
const P = [0.9, 0.8, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1];
const Y = [1, 1, 0, 1, 1, 0, 0, 0];
const W = [1, 2, 1, 1, 3, 1, 2, 1];

describe('threshold metrics', () => {
  it('confusion at 0.5, unit weights', () => {
    // Predicted positive (p ≥ 0.5): 0.9+, 0.8+, 0.7−, 0.6+ → tp 3, fp 1; below: 0.4+ → fn 1; 0.4−, 0.3−, 0.1− → tn 3.
    expect(confusionAt(P, Y)).toEqual({ threshold: 0.5, tp: 3, fp: 1, tn: 3, fn: 1 });
    // sklearn: confusion_matrix(y, p >= 0.5) = [[tn, fp], [fn, tp]] = [[3, 1], [1, 3]]
    expect(confusionMatrix(P, Y)).toEqual([
      [3, 1],
      [1, 3],
    ]);
    // accuracy 6/8, precision 3/4, recall 3/4, F1 = 2·3/(2·3 + 1 + 1) = 0.75
    expect(accuracy(P, Y).value).toBe(0.75);
    expect(precision(P, Y).value).toBe(0.75);
    expect(recall(P, Y).value).toBe(0.75);
    expect(f1(P, Y).value).toBe(0.75);
  });

  it('threshold is inclusive (p ≥ t is positive)', () => {
    // At t = 0.4 both tied rows are predicted positive: tp 4, fp 2, tn 2, fn 0.
    expect(confusionAt(P, Y, undefined, 0.4)).toEqual({ threshold: 0.4, tp: 4, fp: 2, tn: 2, fn: 0 });
  });

  it('weighted confusion at 0.5', () => {
    // tp = w(0.9)+w(0.8)+w(0.6) = 1+2+1 = 4; fp = w(0.7) = 1; fn = w(0.4+) = 3; tn = 1+2+1 = 4.
    // sklearn: confusion_matrix(y, p >= 0.5, sample_weight=w) = [[4, 1], [3, 4]]
    expect(confusionAt(P, Y, W)).toEqual({ threshold: 0.5, tp: 4, fp: 1, tn: 4, fn: 3 });
    // accuracy 8/12; precision 4/5; recall 4/7; F1 = 8/(8+1+3) = 2/3
    expect(accuracy(P, Y, W).value).toBeCloseTo(8 / 12, 12);
    expect(precision(P, Y, W).value).toBeCloseTo(4 / 5, 12);
    expect(recall(P, Y, W).value).toBeCloseTo(4 / 7, 12);
    expect(f1(P, Y, W).value).toBeCloseTo(2 / 3, 12);
  });

  it('Float32Array and typed inputs give the same counts', () => {
    expect(confusionAt(new Float32Array(P), new Uint8Array(Y), new Float32Array(W))).toEqual(confusionAt(P, Y, W));
  });

  it('precision with no predicted positives is undefined, not 0', () => {
    // The "model always says don't show" case: every score below 0.5.
    const p = [0.1, 0.2, 0.01, 0.3];
    const y = [0, 1, 0, 0];
    const prec = precision(p, y);
    expect(prec.value).toBeNaN();
    expect(prec.reason).toMatch(/no predicted positives/);
    expect(recall(p, y).value).toBe(0);
    // F1 = 2·0/(0 + 0 + 1) = 0: defined, as sklearn's f1_score
    expect(f1(p, y).value).toBe(0);
    // accuracy 3/4 looks good and means nothing
    expect(accuracy(p, y).value).toBe(0.75);
  });

  it('recall without positive labels is undefined; F1 too when nothing is predicted positive', () => {
    const p = [0.1, 0.2];
    const y = [0, 0];
    expect(recall(p, y).value).toBeNaN();
    expect(recall(p, y).reason).toMatch(/no positive labels/);
    expect(f1(p, y).value).toBeNaN();
    expect(f1(p, y).reason).toMatch(/F1 is undefined/);
  });
});
