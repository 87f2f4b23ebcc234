import { describe, expect, it } from 'vitest';
import { smoothFreshness, summarizeFreshness } from './freshness.ts';

const pts = (aucs: number[]) => aucs.map((auc, i) => ({ daysSince: i + 1, auc }));

describe('freshness means', () => {
  it('every point is a 5-day mean, the window shifted inward at the ends', () => {
    const s = smoothFreshness(pts([1, 2, 3, 4, 5, 6, 7]));
    expect(s.map((p) => p.auc)).toEqual([3, 3, 3, 4, 5, 5, 5]);
    expect(s.map((p) => p.daysSince)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('the summary is the ends of the drawn line, NaN days dropped', () => {
    const e = summarizeFreshness({ endDay: 44, points: pts([0.9, 0.9, NaN, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8]) });
    const line = smoothFreshness(pts([0.9, 0.9, NaN, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8]));
    expect(e.early).toBeCloseTo(line[0]!.auc, 12);
    expect(e.late).toBeCloseTo(line.at(-1)!.auc, 12);
    expect([e.lateFrom, e.lateTo]).toEqual([7, 11]);
    expect(e.loss).toBeCloseTo(0.1, 12);
  });
  it('each 5-day mean carries the standard error of its days: √(Σ se²)/5 with Hanley–McNeil per day', () => {
    // By hand, AUC 0.8 on 25 positives and 975 negatives: Q1 = 0.8/1.2, Q2 = 1.28/1.8,
    // var = (0.16 + 24·0.026667 + 974·0.071111)/24375 = 0.0028744, se = 0.053613; five such days: 0.053613/√5 = 0.023977.
    const e = summarizeFreshness({ endDay: 44, points: Array.from({ length: 10 }, (_, i) => ({ daysSince: i + 1, auc: 0.8, positives: 25, rows: 1000 })) });
    expect(e.earlySe).toBeCloseTo(0.023977, 5);
    expect(e.lateSe).toBeCloseTo(0.023977, 5);
    expect(summarizeFreshness({ endDay: 44, points: pts([0.9, 0.9]) }).earlySe).toBeNaN();
  });
});
