import { describe, expect, it } from 'vitest';
import { sliceContradictions, sliceMarkClaim, SLICE_MIN_POSITIVES } from './slice-claim.ts';

describe('slice marks (binomial standard error of each error rate)', () => {
  // By hand: √(0.1·0.9/1000 + 0.07·0.93/1000) = √0.0001551 = 0.012454, twice that 0.024908; −0.03 is beyond it.
  it('marks a fall beyond twice the standard error better', () => {
    const before = { errorRate: 0.1, rows: 1000, positiveRate: 0.05 };
    const after = { errorRate: 0.07, rows: 1000, positiveRate: 0.05 };
    const c = sliceMarkClaim(before, after);
    expect(c.mark).toBe('better');
    expect(c.noise).toBeCloseTo(0.024908, 5);
    expect(sliceContradictions([{ before, after, claim: c }])).toEqual([]);
  });
  // By hand: √(0.00009 + 0.08·0.92/1000) = √0.0001636 = 0.012791, twice that 0.025581 > 0.02.
  it('keeps a fall within twice the standard error the same', () => {
    const before = { errorRate: 0.1, rows: 1000, positiveRate: 0.05 };
    const after = { errorRate: 0.08, rows: 1000, positiveRate: 0.05 };
    const c = sliceMarkClaim(before, after);
    expect(c.mark).toBe('same');
    expect(c.noise).toBeCloseTo(0.025581, 5);
    // A checker that can fail: the same numbers marked 'better' contradict them.
    expect(sliceContradictions([{ before, after, claim: { ...c, mark: 'better' } }])).toHaveLength(1);
  });
  it('marks a rise beyond the noise worse, and the floor of a point holds on huge slices', () => {
    const c = sliceMarkClaim({ errorRate: 0.01, rows: 1e7, positiveRate: 0.01 }, { errorRate: 0.018, rows: 1e7, positiveRate: 0.01 });
    // √(0.01·0.99/1e7 + 0.018·0.982/1e7) ≈ 5.3e-5: the one-point floor decides, and 0.008 < 0.01.
    expect(c.noise).toBe(0.01);
    expect(c.mark).toBe('same');
    expect(sliceMarkClaim({ errorRate: 0.01, rows: 1e7, positiveRate: 0.01 }, { errorRate: 0.03, rows: 1e7, positiveRate: 0.01 }).mark).toBe('worse');
  });
  it(`says too few to tell under ${SLICE_MIN_POSITIVES} positives, whatever the rates`, () => {
    const before = { errorRate: 0.5, rows: 1000, positiveRate: 0.005 };
    const after = { errorRate: 0.01, rows: 1000, positiveRate: 0.05 };
    const c = sliceMarkClaim(before, after);
    expect(c.positives).toBe(5);
    expect(c.mark).toBe('few');
    expect(sliceContradictions([{ before, after, claim: { ...c, mark: 'better' } }])).not.toEqual([]);
  });
  it('has no mark for the first column or a missing slice', () => {
    expect(sliceMarkClaim(null, { errorRate: 0.1, rows: 10, positiveRate: 0.5 }).mark).toBe('none');
    expect(sliceMarkClaim({ errorRate: 0.1, rows: 10, positiveRate: 0.5 }, undefined).mark).toBe('none');
  });
});
