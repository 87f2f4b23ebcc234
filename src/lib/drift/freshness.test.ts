import { describe, expect, it } from 'vitest';
import { freshnessVerdict, smoothFreshness, summarizeFreshness } from './freshness.ts';

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
  it('the verdict sorts curves into losing, gaining and steady at the noise level', () => {
    const mk = (endDay: number, early: number, late: number) => ({ endDay, early, late, lateFrom: 1, lateTo: 5, loss: early - late });
    const v = freshnessVerdict([mk(44, 0.98, 0.9), mk(64, 0.96, 0.95), mk(74, 0.95, 0.98)], 0.02);
    expect(v.worst?.endDay).toBe(44);
    expect(v.losing.map((e) => e.endDay)).toEqual([44]);
    expect(v.gaining.map((e) => e.endDay)).toEqual([74]);
    expect(v.steady.map((e) => e.endDay)).toEqual([64]);
  });
});
