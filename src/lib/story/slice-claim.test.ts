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
  it('marks a rise beyond the noise worse, and the floor of a tenth of a point holds on huge slices', () => {
    const c = sliceMarkClaim({ errorRate: 0.01, rows: 1e7, positiveRate: 0.01 }, { errorRate: 0.0108, rows: 1e7, positiveRate: 0.01 });
    // 2·√(0.01·0.99/1e7 + 0.0108·0.9892/1e7) = 2 × 4.56e-5 = 9.1e-5: the 0.001 floor decides, and 0.0008 < 0.001.
    expect(c.noise).toBe(0.001);
    expect(c.mark).toBe('same');
    expect(sliceMarkClaim({ errorRate: 0.01, rows: 1e7, positiveRate: 0.01 }, { errorRate: 0.012, rows: 1e7, positiveRate: 0.01 }).mark).toBe('worse');
  });
  it('reads a fall of fractions of a percent on tens of thousands of rows', () => {
    // 0.862% → 0.110% on 32,133 rows: 2·√(0.00862·0.99138/32133 + 0.0011·0.9989/32133) = 2·√(2.6596e-7 + 3.4195e-8) = 0.0010955.
    const c = sliceMarkClaim({ errorRate: 0.00862, rows: 32133, positiveRate: 0.0007 }, { errorRate: 0.0011, rows: 32133, positiveRate: 0.0007 });
    expect(c.noise).toBeCloseTo(0.0010955, 6);
    expect(c.mark).toBe('better');
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
