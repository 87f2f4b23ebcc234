// The holdback claim reads each part of the trigger by the noise rule, on days built by hand.
import { describe, expect, it } from 'vitest';
import type { PolicyDay } from '../market/types.ts';
import { holdbackClaim, holdbackHeadline, holdbackQuestion, revenueNoise } from './holdback-claim.ts';

const day = (i: number, impressions: number, clicks: number, revenue: number, blindness = 0.4): PolicyDay => ({
  day: 91 + i, queries: 1000, impressions, clicks, ctr: clicks / impressions, revenue, ecpm: (1000 * revenue) / impressions, adsPerQuery: impressions / 1000, meanBlindness: blindness,
});

describe('holdbackClaim', () => {
  // Baseline: 2,000 impressions, 20 clicks, $100 every day but for a ±$2 wiggle; the policy: 8,000 impressions whose
  // clicks and revenue fall by 2% of the first day's a day while the users' blindness rises.
  const base = Array.from({ length: 12 }, (_, i) => day(i, 2000, 20, 100 + (i % 2 ? 2 : -2)));
  const fall = Array.from({ length: 12 }, (_, i) => day(i, 8000, 60 - 1.2 * i, 160 * (1 - 0.02 * i), 0.4 + 0.01 * i));

  it('the trigger: more impressions than the baseline, kept; CTR down; revenue against the baseline from above it, down', () => {
    const h = holdbackClaim(fall, base)!;
    expect(h.impressionsLift.ratio).toBe(4);
    expect(h.impressionsLift.above).toBe(true);
    expect(h.impressions.direction).toBe('flat');
    expect(h.ctr.direction).toBe('fell');
    // By hand: first three days' revenue 160 + 156.8 + 153.6 = 470.4 against 98 + 102 + 98 = 298 → 1.5785.
    expect(h.revenue.firstRatio).toBeCloseTo(470.4 / 298, 10);
    expect(h.revenue.startedAbove).toBe(true);
    expect(h.revenue.direction).toBe('fell');
    expect(h.blindness?.direction).toBe('rose');
    expect(h.trigger).toBe(true);
    expect(h.missing).toEqual([]);
    expect(holdbackHeadline(h)).toMatch(/^Impressions up 300% on the baseline, revenue down .* against it since launch$/);
    expect(holdbackQuestion(h)).toBe('Why is revenue falling?');
  });

  it('says which part did not happen: a policy that keeps its revenue against the baseline', () => {
    const flat = Array.from({ length: 12 }, (_, i) => day(i, 8000, 40, 150 + (i % 2 ? 3 : -3)));
    const h = holdbackClaim(flat, base)!;
    expect(h.revenue.direction).toBe('flat');
    expect(h.trigger).toBe(false);
    expect(h.missing.some((m) => /did not fall beyond the noise/.test(m))).toBe(true);
    expect(holdbackQuestion(h)).toMatch(/held against the baseline/);
  });

  it('the baseline noise is the successive-difference spread over the mean', () => {
    // Successive differences ±4: variance 16 / 2 = 8; √8 / 100.
    expect(revenueNoise(base)).toBeCloseTo(Math.sqrt(8) / 100, 10);
    expect(holdbackClaim(fall.slice(0, 5), base)).toBeNull();
  });
});
