// Step 12's compared fortnight: the off-policy check, the revenue trend with fewer ads, and
// overtaking, each outcome on hand-built numbers with its noise computed by hand.
import { describe, expect, it } from 'vitest';
import type { Trend } from './live-claim.ts';
import { offPolicyCheckClaim, overtakeClaim, replayContradictions, replayTrendClaim } from './replay-claim.ts';

const trend = (direction: Trend['direction'], first = 0.3, last = 0.2): Trend => ({ direction, first, last, change: last / first - 1, noise: 0.05 });

describe('offPolicyCheckClaim', () => {
  const ci = [0.04, 0.05] as const;
  it('above the interval names a recovery only when blindness fell', () => {
    const c = offPolicyCheckClaim(0.06, ci, trend('fell'));
    expect(c.outcome).toBe('above-recovered');
    expect(c.sentence).toMatch(/fell from 30% to 20%, a recovery/);
    expect(offPolicyCheckClaim(0.06, ci, trend('flat')).outcome).toBe('above');
    expect(offPolicyCheckClaim(0.06, ci, null).outcome).toBe('above');
    expect(replayContradictions({ check: c }, trend('fell'), null)).toEqual([]);
    expect(replayContradictions({ check: c }, trend('flat'), null)).toEqual(['off-policy check names a recovery the blindness does not show']);
  });
  it('below, within (the bounds belong to the interval) and unknown', () => {
    expect(offPolicyCheckClaim(0.039, ci, null).outcome).toBe('below');
    expect(offPolicyCheckClaim(0.05, ci, null).outcome).toBe('within');
    expect(offPolicyCheckClaim(0.04, ci, null).outcome).toBe('within');
    expect(offPolicyCheckClaim(Number.NaN, ci, null).outcome).toBe('unknown');
    expect(replayContradictions({ check: { ...offPolicyCheckClaim(0.045, ci, null), outcome: 'below' } }, null, null)).toHaveLength(1);
  });
});

describe('replayTrendClaim', () => {
  // Ads a request, CTR policy 2 every day, impressions policy 3 and 3.2 in turn: differences −1, −1.2, …
  // mean −1.1; successive differences ±0.2, variance 5 · 0.04 / (2 · 5) = 0.02; twice √(0.02 / 6) = 0.11547.
  const adsCtr = [2, 2, 2, 2, 2, 2];
  const adsImp = [3, 3.2, 3, 3.2, 3, 3.2];
  it('fewer, better ads only when revenue rose, blindness fell and the ads are fewer beyond the noise', () => {
    const c = replayTrendClaim(trend('rose', 100, 120), trend('fell'), adsCtr, adsImp);
    expect(c.ads.mean).toBeCloseTo(-1.1, 12);
    expect(c.ads.noise).toBeCloseTo(0.11547, 5);
    expect(c.outcome).toBe('rises-recovering');
    // Revenue 100 → 120: up 20% against the trend's 5% noise; 1.10 fewer ads a request against 0.12 of noise.
    expect(c.tail).toBe(': showing 1.10 fewer ads a request (beyond the 0.12 of noise), its revenue rises 20%, beyond the 5% of day-to-day noise, as its users’ measured blindness falls from 30% to 20%');
    expect(replayContradictions({ trend: c }, trend('fell'), null)).toEqual([]);
    // The same ads on both sides: no "fewer".
    expect(replayTrendClaim(trend('rose', 100, 120), trend('fell'), adsImp, adsImp).outcome).toBe('rises');
    expect(replayTrendClaim(trend('rose', 100, 120), trend('flat'), adsCtr, adsImp).outcome).toBe('rises');
  });
  it('falling, flat and unknown are written', () => {
    // 120 → 100: down 16.7%; 100 → 101 within the 5%.
    expect(replayTrendClaim(trend('fell', 120, 100), null, adsCtr, adsImp).tail).toBe(': its revenue falls 17%, beyond the 5% of day-to-day noise');
    expect(replayTrendClaim(trend('flat', 100, 101), null, adsCtr, adsImp).tail).toBe(': its revenue stays within the 5% of day-to-day noise');
    expect(replayTrendClaim(null, null, adsCtr, adsImp)).toMatchObject({ outcome: 'unknown', tail: '' });
  });
});

describe('overtakeClaim', () => {
  // Differences −10 ×3 then +10 ×3: successive differences 0, 0, 20, 0, 0, variance 400 / (2 · 5) = 40;
  // each window's mean has error √(40 / 3) = 3.6515, twice that 7.303: −10 and +10 both beyond it.
  const behindThenAhead = [-10, -10, -10, 10, 10, 10];
  it('overtakes, with the recovery named only when blindness fell, and never beside a win', () => {
    const c = overtakeClaim(behindThenAhead, 3, 'noise', trend('fell'), 6);
    expect(c.first.mean).toBe(-10);
    expect(c.first.noise).toBeCloseTo(7.30297, 5);
    expect(c.outcome).toBe('overtakes-recovering');
    expect(c.sentence).toMatch(/^So the switch does not pay off within these six days: the CTR policy starts behind \(−\$10\.00 a day in the first days, beyond the \$7\.30 of noise\) and ends ahead \(\$10\.00 a day\), overtaking as its users’ measured blindness falls from 30% to 20%;/);
    expect(replayContradictions({ overtake: c }, trend('fell'), 'noise')).toEqual([]);
    expect(overtakeClaim(behindThenAhead, 3, 'noise', trend('rose'), 6).outcome).toBe('overtakes');
    expect(overtakeClaim(behindThenAhead, 3, 'won', trend('fell'), 6)).toMatchObject({ outcome: 'none', sentence: '' });
  });
  it('alternating days are noise: −4, 4, … has a window error of 2·√(32 / 3) = 6.53 against means of ∓1.33', () => {
    const c = overtakeClaim([-4, 4, -4, 4, -4, 4], 3, 'noise', trend('fell'), 6);
    expect(c.first.noise).toBeCloseTo(2 * Math.sqrt(32 / 3), 10);
    expect(c.outcome).toBe('none');
    expect(replayContradictions({ overtake: { ...c, outcome: 'overtakes' } }, trend('fell'), 'noise')).toHaveLength(1);
    expect(overtakeClaim([1, 2], 3, 'noise', null, 2).outcome).toBe('unknown');
  });
});
