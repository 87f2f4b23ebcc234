// The cost-ratio threshold and the operating point read off a confusion table.
import { describe, expect, it } from 'vitest';
import { costThreshold, operatingPoint } from './operating.ts';
import { recalibrate } from './recalibrate.ts';
import type { ConfusionAt } from '../lab/types.ts';

describe('operating threshold from a cost ratio', () => {
  it('is r / (1 + r) (Elkan 2001): equal costs give 0.5, a cost of 1/9 gives 0.1, of 1/99 gives 0.01', () => {
    expect(costThreshold(1)).toBe(0.5);
    expect(costThreshold(1 / 9)).toBeCloseTo(0.1, 12);
    expect(costThreshold(1 / 99)).toBeCloseTo(0.01, 12);
    expect(() => costThreshold(0)).toThrow(/positive/);
    expect(() => costThreshold(Number.NaN)).toThrow(/positive/);
  });

  it('maximises tp − r·fp on calibrated scores (brute force over a fine grid)', () => {
    // Calibrated scores: a row with score p is positive with probability p; expected tp − r·fp
    // from showing it is p − r(1 − p), positive exactly when p > r/(1 + r).
    const r = 0.25;
    const scores = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const gain = (t: number) => scores.filter((p) => p >= t).reduce((s, p) => s + p - r * (1 - p), 0);
    let best = 0;
    for (let t = 0; t <= 1; t += 0.001) if (gain(t) > gain(best)) best = t;
    expect(costThreshold(r)).toBeCloseTo(best, 2);
  });

  it('maps the threshold into a down-sampled model’s raw scores, the inverse of He et al.’s recalibration', () => {
    const table: ConfusionAt[] = [0.001, 0.01, 0.0909, 0.5, 0.9091].map((t) => ({ threshold: t, tp: 10, fp: 90, tn: 900, fn: 0 }));
    const op = operatingPoint(table, 0.01, 0.01)!;
    expect(op.threshold).toBeCloseTo(1 / 101, 12);
    // A raw score at the mapped threshold recalibrates back to the cost threshold.
    expect(recalibrate(op.rawThreshold, 0.01)).toBeCloseTo(op.threshold, 12);
    // q = 1/101 with w = 0.01: p = q / (q + w(1 − q)) = (1/101) / (1/101 + 1/101) = 0.5.
    expect(op.rawThreshold).toBeCloseTo(0.5, 12);
    expect(op.at.threshold).toBe(0.5);
  });

  it('reads recall, precision and the net value at the row nearest the threshold', () => {
    // tp 30, fp 170, fn 70, tn 9730 at 0.1: recall 0.3, precision 0.15, value (30 − 0.1·170)/10000.
    const table: ConfusionAt[] = [
      { threshold: 0.01, tp: 80, fp: 2000, tn: 7900, fn: 20 },
      { threshold: 0.1, tp: 30, fp: 170, tn: 9730, fn: 70 },
      { threshold: 0.5, tp: 0, fp: 0, tn: 9900, fn: 100 },
    ];
    const op = operatingPoint(table, 1 / 9)!;
    expect(op.at.threshold).toBe(0.1);
    expect(op.recall.value).toBeCloseTo(0.3, 12);
    expect(op.precision.value).toBeCloseTo(0.15, 12);
    expect(op.value).toBeCloseTo((30 - 170 / 9) / 10000, 12);
    expect(operatingPoint([], 1)).toBeNull();
    // At 0.5 nothing is shown: precision is 0 ÷ 0, not defined.
    expect(Number.isNaN(operatingPoint(table, 1)!.precision.value)).toBe(true);
  });
});
