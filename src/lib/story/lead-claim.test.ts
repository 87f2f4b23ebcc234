// Step 12's lead over the baseline: every outcome from the ratio's own noise, on hand-built numbers.
import { describe, expect, it } from 'vitest';
import type { PolicyDay } from '../market/types.ts';
import { holdbackClaim, type HoldbackClaim } from './holdback-claim.ts';
import { leadClaim, leadContradictions } from './lead-claim.ts';
import type { Trend } from './live-claim.ts';

const trend = (direction: Trend['direction'], change: number, noise: number, first = 0.2, last = 0.3): Trend => ({ direction, first, last, change, noise });
/** A holdback claim with only the revenue ratio's trend set (the lead claim reads nothing else). */
const hold = (direction: Trend['direction'], change: number, noise: number, startedAbove: boolean): HoldbackClaim =>
  ({ revenue: { ...trend(direction, change, noise, 1.5, 1.5 * (1 + change)), firstRatio: 1.5, lastRatio: 1.5 * (1 + change), startedAbove } }) as HoldbackClaim;

describe('leadClaim', () => {
  it('shrinks, naming the blindness only when it rose', () => {
    const h = hold('fell', -0.2, 0.05, true);
    const c = leadClaim(1.5, 1.2, h, trend('rose', 0.5, 0.02));
    expect(c.outcome).toBe('shrinks-blind');
    // 1.5 − 1 = 50% more at the start, 1.2 − 1 = 20% more at the end.
    expect(c.first).toBeCloseTo(0.5, 12);
    expect(c.last).toBeCloseTo(0.2, 12);
    expect(c.words).toEqual(['more', 'more']);
    expect(c.tail).toBe(': its lead shrinks by 20%, more than the 5% the ratio moves by from day to day, while its users’ measured blindness to ads rose from 20% to 30%');
    expect(leadContradictions(c, h, trend('rose', 0.5, 0.02))).toEqual([]);
    const plain = leadClaim(1.5, 1.2, h, trend('flat', 0.01, 0.02));
    expect(plain.outcome).toBe('shrinks');
    expect(plain.tail).toBe(': its lead shrinks by 20%, more than the 5% the ratio moves by from day to day');
    // A checker catches the blindness named without its rise.
    expect(leadContradictions({ ...plain, outcome: 'shrinks-blind' }, h, trend('flat', 0.01, 0.02))).toHaveLength(1);
  });

  it('a fall from no lead is not a lead shrinking; a rise and a flat ratio are written too', () => {
    expect(leadClaim(0.95, 0.8, hold('fell', -0.16, 0.05, false), null).outcome).toBe('fell');
    const grew = leadClaim(1.1, 1.3, hold('rose', 0.18, 0.05, true), null);
    expect(grew.outcome).toBe('grew');
    expect(grew.tail).toBe(': against the baseline its revenue rose by 18%, more than the 5% the ratio moves by from day to day');
    const flat = leadClaim(1.2, 1.18, hold('flat', -0.0167, 0.05, true), null);
    expect(flat.outcome).toBe('flat');
    expect(flat.tail).toBe(', a change of 1.7%, within the 5% the ratio moves by from day to day');
    // Below the baseline at the end reads "less": 0.8 − 1 = −20%.
    expect(leadClaim(0.95, 0.8, null, null)).toMatchObject({ outcome: 'unknown', words: ['less', 'less'], tail: '' });
  });

  it('the checker re-reads the ratio: a shrink within the noise is a contradiction', () => {
    const h = hold('flat', -0.03, 0.05, true);
    const said = { ...leadClaim(1.5, 1.45, h, null), outcome: 'shrinks' as const };
    expect(leadContradictions(said, h, null)[0]).toMatch(/^lead 'shrinks' but the ratio changed -0.03/);
  });

  it('reads the holdback claim built from days: the policy falling 2% of its first day a day against a steady baseline shrinks', () => {
    const day = (i: number, revenue: number, blindness: number): PolicyDay => ({ day: 91 + i, queries: 1000, impressions: 8000, clicks: 40, ctr: 0.005, revenue, ecpm: revenue / 8, adsPerQuery: 8, meanBlindness: blindness });
    const base = Array.from({ length: 12 }, (_, i) => day(i, 100 + (i % 2 ? 2 : -2), 0.2));
    const fall = Array.from({ length: 12 }, (_, i) => day(i, 160 * (1 - 0.02 * i), 0.4 + 0.01 * i));
    const h = holdbackClaim(fall, base)!;
    // First days 470.4 / 298, last days 160·(3 − 0.02·30) = 384 over 298: the lead falls from 57.9% to 28.9%.
    const c = leadClaim(470.4 / 298, 384 / 298, h, h.blindness);
    expect(c.first).toBeCloseTo(470.4 / 298 - 1, 10);
    expect(c.last).toBeCloseTo(384 / 298 - 1, 10);
    expect(c.outcome).toBe('shrinks-blind');
    expect(leadContradictions(c, h, h.blindness)).toEqual([]);
  });
});
