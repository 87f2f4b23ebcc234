// Step 12's claim about the live fortnight, against hand-computed windows.
import { describe, expect, it } from 'vitest';
import type { PolicyDay } from '../market/types.ts';
import { liveClaim, liveQuestion, successiveVariance } from './live-claim.ts';

/** A served day with the given impressions, clicks and revenue (the rest does not enter the claim). */
const day = (i: number, impressions: number, clicks: number, revenue: number): PolicyDay => ({
  day: 90 + i, queries: 100, impressions, clicks, ctr: clicks / impressions, revenue, ecpm: (1000 * revenue) / impressions, adsPerQuery: impressions / 100, meanBlindness: 0,
});
/** 14 days: the first three and the last three as given, the middle copies of the first day. */
function fortnight(first: [number, number, number][], last: [number, number, number][]): PolicyDay[] {
  const mid = Array.from({ length: 8 }, () => first[0] as [number, number, number]);
  return [...first, ...mid, ...last].map((t, i) => day(i, ...t));
}

describe('liveClaim', () => {
  it('impressions up by more than the noise, revenue down: the metric rose and the business fell', () => {
    // Impressions 100, 110, 90, 100 ×8, 130, 120, 140: successive differences +10 −20 +10 0 ×7 +30 −10 +20,
    // Σd² = 2000, day variance 2000/26 = 76.9, se of the window means' difference √(76.9 · 2/3) = 7.16,
    // threshold 2 · 7.16 / 100 = 14.3%; +30% counts. Revenue 10 ×11 then 9 ×3: Σd² = 1,
    // se = √(1/26 · 2/3) = 0.160, threshold 3.2%; −10% counts.
    const c = liveClaim(fortnight([[100, 2, 10], [110, 2, 10], [90, 2, 10]], [[130, 2, 9], [120, 2, 9], [140, 2, 9]]));
    expect(c?.impressions.direction).toBe('rose');
    expect(c?.impressions.first).toBe(300);
    expect(c?.impressions.last).toBe(390);
    expect(c?.impressions.change).toBeCloseTo(0.3, 12);
    expect(c?.impressions.noise).toBeCloseTo((2 * Math.sqrt((2000 / 26) * (2 / 3))) / 100, 12);
    expect(c?.revenue.direction).toBe('fell');
    expect(c?.revenue.noise).toBeCloseTo((2 * Math.sqrt((1 / 26) * (2 / 3))) / 10, 12);
    // CTR 6/300 = 2% → 6/390 = 1.54%.
    expect(c?.ctr.first).toBeCloseTo(0.02, 12);
    expect(c?.ctr.last).toBeCloseTo(6 / 390, 12);
    expect(c?.ctr.direction).toBe('fell');
    expect(c?.lesson).toBe('metric-rose-business-fell');
    expect(liveQuestion(c!)).toBe('Impressions went up. Why did revenue go down?');
  });

  it('a fall inside the days’ own spread is within the noise: the lesson does not show', () => {
    // Revenue 10, 12, 8, 10 ×8, 9.5, 11.5, 7.5: Σd² = 4 + 16 + 4 + 0.25 + 4 + 16 = 44.25,
    // se = √(44.25/26 · 2/3) = 1.065, threshold 21.3%; the means 10 → 9.5, −5%, are noise.
    const c = liveClaim(fortnight([[100, 2, 10], [100, 2, 12], [100, 2, 8]], [[100, 2, 9.5], [100, 2, 11.5], [100, 2, 7.5]]));
    expect(c?.revenue.direction).toBe('flat');
    expect(c?.revenue.change).toBeCloseTo(-0.05, 12);
    expect(c?.revenue.noise).toBeCloseTo((2 * Math.sqrt((44.25 / 26) * (2 / 3))) / 10, 12);
    expect(c?.impressions.direction).toBe('flat');
    expect(c?.lesson).toBe('business-held');
    expect(liveQuestion(c!)).toMatch(/^Neither impressions nor revenue moved beyond the noise/);
    // The same noisy revenue beside impressions that rose: the business did not follow the metric.
    const up = liveClaim(fortnight([[100, 2, 10], [100, 2, 12], [100, 2, 8]], [[150, 2, 9.5], [150, 2, 11.5], [150, 2, 7.5]]));
    expect(up?.impressions.direction).toBe('rose');
    expect(up?.lesson).toBe('metric-rose-business-flat');
    expect(liveQuestion(up!)).toBe('Impressions went up. Why did revenue not?');
  });

  it('tells the other outcomes apart: impressions held or fell while revenue fell, revenue rose', () => {
    const held = liveClaim(fortnight([[100, 2, 10], [100, 2, 10], [100, 2, 10]], [[100.5, 2, 8], [100.5, 2, 8], [100.5, 2, 8]]));
    expect(held?.impressions.direction).toBe('flat'); // +0.5%, under the 1% floor
    expect(held?.lesson).toBe('metric-held-business-fell');
    const both = liveClaim(fortnight([[100, 2, 10], [100, 2, 10], [100, 2, 10]], [[80, 2, 8], [80, 2, 8], [80, 2, 8]]));
    expect(both?.lesson).toBe('both-fell');
    const rose = liveClaim(fortnight([[100, 2, 10], [100, 2, 10], [100, 2, 10]], [[120, 2, 12], [120, 2, 12], [120, 2, 12]]));
    expect(rose?.revenue.direction).toBe('rose');
    expect(rose?.lesson).toBe('business-rose');
    expect(liveQuestion(rose!)).toMatch(/^Revenue rose on this world/);
  });

  it('successive variance: Σ (x[i+1] − x[i])² / (2 (n − 1))', () => {
    expect(successiveVariance([1, 3, 2])).toBeCloseTo(5 / 4, 12);
    // A straight trend with no noise: every difference is the slope, so s² = slope² / 2, not the trend's spread.
    expect(successiveVariance([0, 1, 2, 3, 4])).toBeCloseTo(0.5, 12);
    expect(successiveVariance([7])).toBe(0);
  });

  it('needs two full windows', () => {
    expect(liveClaim(fortnight([[1, 1, 1], [1, 1, 1], [1, 1, 1]], [[1, 1, 1], [1, 1, 1], [1, 1, 1]]).slice(0, 5))).toBeNull();
  });
});

describe('blindnessTrend', () => {
  it('reads the users’ measured blindness, first days against last, by the same rule', async () => {
    const { blindnessTrend } = await import('./live-claim.ts');
    // Blindness 0.10 for 11 days then 0.30 ×3: one step of 0.2, Σd² = 0.04, variance 0.04/26,
    // se = √(0.04/26 · 2/3) = 0.0320, threshold 2·0.0320/0.10 = 64% relative; +200% counts.
    const days = Array.from({ length: 14 }, (_, i) => ({ ...day(i, 100, 2, 10), meanBlindness: i < 11 ? 0.1 : 0.3 }));
    const t = blindnessTrend(days);
    expect(t?.direction).toBe('rose');
    expect(t?.first).toBeCloseTo(0.1, 12);
    expect(t?.last).toBeCloseTo(0.3, 12);
    expect(blindnessTrend(days.map((d) => ({ ...d, meanBlindness: 0.2 })))?.direction).toBe('flat');
    expect(blindnessTrend(days.slice(0, 5))).toBeNull();
  });
});
