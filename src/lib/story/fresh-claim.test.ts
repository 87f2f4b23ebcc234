import { describe, expect, it } from 'vitest';
import { freshClaim, freshContradictions, freshNoise } from './fresh-claim.ts';
import { summarizeFreshness } from '../drift/freshness.ts';

/** A curve of 10 days: the first five at `a`, the last five at `b`, each day on `pos` positives of `rows` rows. */
const curve = (endDay: number, a: number, b: number, pos = 25, rows = 1000) => ({
  endDay,
  points: Array.from({ length: 10 }, (_, i) => ({ daysSince: i + 1, auc: i < 5 ? a : b, positives: pos, rows })),
});

describe("step 10's freshness verdict (Hanley–McNeil per day, summed over each 5-day window)", () => {
  it('judges a line by twice the standard error of the difference of its two means', () => {
    // By hand (AUC 0.8, 25 positives, 975 negatives): se of one day 0.053613, of a 5-day mean 0.023977,
    // of the difference √2 × 0.023977 = 0.033908, so the noise is 0.067817: a 0.05 loss is within it.
    const c = freshClaim([summarizeFreshness(curve(44, 0.8, 0.8))]);
    expect(c.lines[0]!.noise).toBeCloseTo(0.067817, 4);
    const small = freshClaim([summarizeFreshness(curve(44, 0.8, 0.75))]);
    expect(small.lines[0]!.change).toBe('same');
    expect(small.outcome).toBe('steady');
  });
  it('calls a loss beyond the noise losing, a gain gaining, and both mixed', () => {
    const c = freshClaim([summarizeFreshness(curve(44, 0.85, 0.7)), summarizeFreshness(curve(54, 0.8, 0.79))]);
    expect(c.lines.map((l) => l.change)).toEqual(['down', 'same']);
    expect(c.outcome).toBe('losing');
    expect(c.worst?.endDay).toBe(44);
    const m = freshClaim([summarizeFreshness(curve(44, 0.85, 0.7)), summarizeFreshness(curve(54, 0.7, 0.85))]);
    expect(m.outcome).toBe('mixed');
    expect(freshClaim([summarizeFreshness(curve(54, 0.7, 0.85))]).outcome).toBe('gaining');
    expect(freshContradictions(c)).toEqual([]);
  });
  it('with many positives a day the noise shrinks to the floor, and the checker catches a wrong verdict', () => {
    const big = freshClaim([summarizeFreshness(curve(44, 0.8, 0.79, 50_000, 1_000_000))]);
    expect(big.lines[0]!.noise).toBeLessThan(0.01);
    expect(big.lines[0]!.change).toBe('down');
    const wrong = { ...big, lines: [{ ...big.lines[0]!, change: 'same' as const }] };
    expect(freshContradictions(wrong).length).toBeGreaterThan(0);
  });
  it('without counts nothing is called a change', () => {
    expect(freshNoise({ earlySe: NaN, lateSe: 0.01 })).toBe(Infinity);
    expect(freshClaim([summarizeFreshness({ endDay: 44, points: curve(44, 0.9, 0.5).points.map(({ daysSince, auc }) => ({ daysSince, auc })) })]).outcome).toBe('steady');
  });
});
