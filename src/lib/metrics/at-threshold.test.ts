import { describe, expect, it } from 'vitest';
import { confusionNear, confusionTable, metricsAt } from './index.ts';

// The running example of the metric tests: 8 rows, 4 positives, 4 negatives, one tie (0.4).
const P = [0.9, 0.8, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1];
const Y = [1, 1, 0, 1, 1, 0, 0, 0];
const W = [1, 2, 1, 1, 3, 1, 2, 1];
const TABLE = confusionTable(P, Y, W, [0.05, 0.4, 0.5, 0.75, 1]);

describe('metrics at a chosen threshold, read off the confusion table', () => {
  it('at 0.5 they are the weighted metrics at 0.5', () => {
    // p ≥ 0.5: 0.9+ (w1), 0.8+ (w2), 0.7− (w1), 0.6+ (w1) → tp 4, fp 1; below: 0.4+ (w3) → fn 3; 0.4− (1), 0.3− (2), 0.1− (1) → tn 4.
    const m = metricsAt(TABLE, 0.5)!;
    expect(m.at).toEqual({ threshold: 0.5, tp: 4, fp: 1, tn: 4, fn: 3 });
    expect(m.accuracy.value).toBe(8 / 12); // (4 + 4) / 12
    expect(m.precision.value).toBe(4 / 5); // 4 / (4 + 1)
    expect(m.recall.value).toBe(4 / 7); // 4 / (4 + 3)
    expect(m.f1.value).toBe(8 / 12); // 2·4 / (2·4 + 1 + 3)
  });

  it('a lower threshold trades precision for recall', () => {
    // p ≥ 0.4: tp 1+2+1+3 = 7, fp 1+1 = 2, fn 0, tn 2+1 = 3.
    const m = metricsAt(TABLE, 0.4)!;
    expect(m.at).toEqual({ threshold: 0.4, tp: 7, fp: 2, tn: 3, fn: 0 });
    expect(m.accuracy.value).toBe(10 / 12);
    expect(m.precision.value).toBe(7 / 9);
    expect(m.recall.value).toBe(1);
    expect(m.f1.value).toBe(14 / 16); // 2·7 / (2·7 + 2 + 0)
  });

  it('snaps to the nearest row on a log scale', () => {
    // |ln 0.6 − ln 0.5| = 0.182 < |ln 0.75 − ln 0.6| = 0.223.
    expect(confusionNear(TABLE, 0.6)!.threshold).toBe(0.5);
    expect(confusionNear(TABLE, 0.7)!.threshold).toBe(0.75);
    // 0.1 is nearer 0.05 (ln ratio 0.69) than 0.4 (1.39).
    expect(metricsAt(TABLE, 0.1)!.at.threshold).toBe(0.05);
  });

  it('precision is undefined, with a reason, when nothing is predicted positive', () => {
    // At 1 only scores ≥ 1 count: none. Recall 0, F1 0 (sklearn's convention), accuracy = negatives 5 / 12.
    const m = metricsAt(TABLE, 1)!;
    expect(m.at).toEqual({ threshold: 1, tp: 0, fp: 0, tn: 5, fn: 7 });
    expect(m.precision.value).toBeNaN();
    expect(m.precision.reason).toMatch(/no predicted positives/);
    expect(m.recall.value).toBe(0);
    expect(m.f1.value).toBe(0);
    expect(m.accuracy.value).toBe(5 / 12);
  });

  it('an empty table gives null', () => {
    expect(metricsAt([], 0.5)).toBeNull();
  });
});
