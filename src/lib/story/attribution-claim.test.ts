// The attribution sentence follows the intervals: an arm counts only when its interval excludes zero.
import { describe, expect, it } from 'vitest';
import { attributionClaim } from './attribution-claim.ts';
import type { ArmSummary } from '../serving/types.ts';

const arm = (role: ArmSummary['role'], total: number, ci: [number, number]): ArmSummary => ({ role, label: role, revenue: 0, adsPerRequest: 1, total, se: 1, ci });

describe('attributionClaim', () => {
  it('names the largest difference beyond the noise, and calls an interval that contains zero noise', () => {
    const c = attributionClaim([arm('ctr_policy', 900, [500, 1300]), arm('click_label', -3000, [-3500, -2500]), arm('ctr_no_bid', 100, [-200, 400]), arm('fresh_impressions', 50, [10, 90])])!;
    expect(c.largest).toBe('click_label');
    expect(c.arms.map((a) => a.verdict)).toEqual(['more', 'less', 'noise', 'more']);
    expect(c.sentence).toMatch(/largest part is the click label alone .* earns \$3,000 less/);
    expect(c.sentence).toMatch(/ranked by pCTR alone .* is within the noise/);
  });
  it('says no part is beyond the noise when every interval contains zero', () => {
    const c = attributionClaim([arm('ctr_policy', 10, [-5, 20]), arm('click_label', -1, [-9, 3])])!;
    expect(c.largest).toBeNull();
    expect(c.sentence).toMatch(/no arm’s difference is beyond the noise/);
  });
  it('is null without arms or with a non-finite interval', () => {
    expect(attributionClaim(undefined)).toBeNull();
    expect(attributionClaim([arm('ctr_policy', Number.NaN, [0, 1])])).toBeNull();
  });
});

describe('switchParts', () => {
  it('splits the CTR policy’s difference into four parts that add up to it', async () => {
    const { switchParts, largestPart } = await import('./attribution-claim.ts');
    // By hand: fresh 100; label −3000 − 100 = −3100; load 500 − (−3000) = 3500; bids 900 − 500 = 400; sum 900.
    const p = switchParts([arm('fresh_impressions', 100, [0, 1]), arm('click_label', -3000, [0, 1]), arm('ctr_no_bid', 500, [0, 1]), arm('ctr_policy', 900, [0, 1])])!;
    expect(p).toEqual({ freshness: 100, label: -3100, load: 3500, bids: 400 });
    expect(p.freshness + p.label + p.load + p.bids).toBe(900);
    expect(largestPart(p, 900)).toBe('load');
    // When the CTR policy earns less, the largest loss.
    expect(largestPart(p, -1)).toBe('label');
    expect(switchParts([arm('ctr_policy', 1, [0, 1])])).toBeNull();
  });
});
