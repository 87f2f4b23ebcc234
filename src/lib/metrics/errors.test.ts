// Invalid input fails loudly, naming the problem and the index; undefined metrics say why.
import { describe, expect, it } from 'vitest';
import { auc, averagePrecision, confusionTable, evaluate, logLoss, perSlice, precision, reliabilityBins } from './index.ts';

describe('input errors', () => {
  it('empty input throws a clear error', () => {
    expect(() => auc([], [])).toThrow(/empty input/);
    expect(() => evaluate(new Float32Array(0), new Uint8Array(0))).toThrow(/empty input/);
    expect(() => logLoss([], [])).toThrow(/empty input/);
  });

  it('NaN and out-of-range predictions throw with the index', () => {
    expect(() => auc([0.1, 0.2, 0.3, Number.NaN], [0, 1, 0, 1])).toThrow(/index 3 is NaN/);
    expect(() => precision([0.1, 1.5], [0, 1])).toThrow(/index 1 is 1.5/);
    expect(() => logLoss([-0.01, 0.5], [0, 1])).toThrow(/index 0/);
    expect(() => evaluate(new Float32Array([0.5, Infinity]), new Uint8Array([0, 1]))).toThrow(/index 1 is Infinity/);
  });

  it('labels other than 0/1, length mismatches and bad weights throw', () => {
    expect(() => auc([0.1, 0.2], [0, 2])).toThrow(/label at index 1 is 2/);
    expect(() => auc([0.1, 0.2], [0])).toThrow(/2 predictions but 1 labels/);
    expect(() => auc([0.1, 0.2], [0, 1], [1])).toThrow(/2 predictions but 1 weights/);
    expect(() => auc([0.1, 0.2], [0, 1], [1, -1])).toThrow(/weight at index 1/);
    expect(() => auc([0.1, 0.2], [0, 1], [1, Number.NaN])).toThrow(/weight at index 1/);
    expect(() => auc([0.1, 0.2], [0, 1], [0, 0])).toThrow(/total weight is zero/);
    expect(() => reliabilityBins([0.1], [0], undefined, { bins: 0 })).toThrow(/positive integer/);
    expect(() => perSlice([0, 70000], [0.1, 0.2], [0, 1], undefined, () => 0)).toThrow(/slice key at index 1/);
  });
});

describe('undefined metrics carry a reason instead of a misleading number', () => {
  it('one-class evaluation set', () => {
    const r = evaluate(new Float32Array([0.2, 0.3, 0.01]), new Uint8Array([0, 0, 0]));
    expect(r.auc.value).toBeNaN();
    expect(r.auc.reason).toBe('only one class present: AUC is undefined');
    expect(r.prAuc.value).toBeNaN();
    expect(r.ne.value).toBeNaN();
    expect(r.calibration.value).toBeNaN();
    expect(r.recall.value).toBeNaN();
    expect(r.precision.value).toBeNaN(); // nothing ≥ 0.5
    expect(r.accuracy.value).toBe(1);
    expect(r.roc).toEqual([]);
    expect(r.pr).toEqual([]);
    expect(Number.isFinite(r.logLoss.value)).toBe(true);
  });

  it('AP and the confusion table with positives only', () => {
    expect(averagePrecision([0.2, 0.9], [1, 1]).value).toBe(1);
    expect(confusionTable([0.2, 0.9], [1, 1], undefined, [0.5])).toEqual([{ threshold: 0.5, tp: 1, fp: 0, tn: 0, fn: 1 }]);
  });
});
