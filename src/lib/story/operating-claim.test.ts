import { describe, expect, it } from 'vitest';
import { halfClaim, halfContradictions, operatingClaim, operatingContradictions, pairedRecallSe } from './operating-claim.ts';

const row = (threshold: number, tp: number, fp: number, positives = 1000, total = 100_000) => ({ threshold, tp, fp, fn: positives - tp, tn: total - positives - fp });

describe('the operating point verdict (McNemar on the same gold positives)', () => {
  it('bounds the paired standard error by the most discordant pairs the marginals allow', () => {
    // By hand: tp 600 and 700 of 1000; b + c ≤ min(1300, 700) = 700, (b − c)²/n = 100²/1000 = 10, se = √690 / 1000 = 0.026268.
    expect(pairedRecallSe(600, 700, 1000)).toBeCloseTo(0.026268, 6);
    // tp 640: b + c ≤ 760, 40²/1000 = 1.6, se = √758.4 / 1000 = 0.027539.
    expect(pairedRecallSe(600, 640, 1000)).toBeCloseTo(0.027539, 6);
  });
  it('calls a gain beyond twice that better, and one within it the same', () => {
    const clean = row(0.3, 600, 2000);
    const better = operatingClaim(clean, row(0.2, 700, 1900), [row(0.1, 900, 9000), row(0.2, 700, 1900), row(0.5, 300, 100)]);
    expect(better.outcome).toBe('better');
    expect(better.paired).toBe(true);
    expect(better.noise).toBeCloseTo(0.052536, 5);
    const same = operatingClaim(clean, row(0.2, 640, 1960), [row(0.2, 640, 1960)]);
    expect(same.outcome).toBe('same');
    expect(same.noise).toBeCloseTo(0.055078, 5);
    expect(operatingClaim(clean, row(0.2, 500, 2100), [row(0.2, 500, 2100)]).outcome).toBe('worse');
    expect(operatingContradictions(better, clean, [row(0.1, 900, 9000), row(0.2, 700, 1900), row(0.5, 300, 100)])).toEqual([]);
    expect(operatingContradictions({ ...same, outcome: 'better' }, clean, [row(0.2, 640, 1960)])).toHaveLength(1);
  });
  it('says when nothing is shown', () => {
    expect(operatingClaim(row(0.9, 0, 0), row(0.9, 0, 0), []).outcome).toBe('none-shown');
    expect(operatingClaim(row(0.9, 0, 0), row(0.9, 5, 10), []).outcome).toBe('clean-shows-none');
  });
  it('falls back to two binomials on different positives', () => {
    const c = operatingClaim(row(0.3, 600, 2000, 1000), row(0.2, 700, 1900, 1200), [row(0.2, 700, 1900, 1200)]);
    expect(c.paired).toBe(false);
    // 2·√(0.6·0.4/1000 + (700/1200)(500/1200)/1200) = 2·√(0.00024 + 0.00020255) = 2 × 0.021037 = 0.042074
    expect(c.noise).toBeCloseTo(0.042074, 5);
  });
});

describe("step 8's recalibrated model at 0.5 against the relabelled one (paired recall)", () => {
  it('reads more, fewer or the same from the paired bound', () => {
    // tp 600 vs 700 of 1000: noise 2 × 0.026268 = 0.052536 < 0.1.
    expect(halfClaim(row(0.5, 600, 10), row(0.5, 700, 50)).outcome).toBe('more');
    expect(halfClaim(row(0.5, 700, 10), row(0.5, 600, 50)).outcome).toBe('fewer');
    const same = halfClaim(row(0.5, 600, 10), row(0.5, 640, 50));
    expect(same.outcome).toBe('same');
    expect(halfContradictions(same, row(0.5, 600, 10), row(0.5, 640, 50))).toEqual([]);
    expect(halfContradictions({ ...same, outcome: 'more' }, row(0.5, 600, 10), row(0.5, 640, 50))).toHaveLength(1);
  });
});
