// "A fraction of a percent" only below 1% beyond the noise; the noise computed by hand.
import { describe, expect, it } from 'vitest';
import { precisionClaim, precisionContradictions, precisionNoise } from './precision-claim.ts';

describe('precisionClaim', () => {
  it('reads the binomial error with w = 1 and the delta method with weighted negatives', () => {
    // tp 2, fp 998: p(1 − p)/n = 0.002 · 0.998 / 1000 = 1.996e-6, twice its root 0.0028256.
    expect(precisionNoise(2, 998)).toBeCloseTo(2 * Math.sqrt(1.996e-6), 12);
    // With each negative weighing 100: 2 · 998 · (998 + 200) / 1000⁴ = 2.391208e-6.
    expect(precisionNoise(2, 998, 100)).toBeCloseTo(2 * Math.sqrt(2.391208e-6), 12);
  });

  it('fraction, unclear, percent and unknown', () => {
    // 0.5%: 0.005 + 2·√(5 · 995 · 1000 / 1e12) = 0.005 + 0.004461 = 0.009461 < 0.01.
    const f = precisionClaim({ tp: 5, fp: 995 });
    expect(f.outcome).toBe('fraction');
    expect(f.words).toBe('a fraction of a percent (below 1% by more than the 0.45% it can move by chance)');
    // 0.8%: 0.008 + 0.005634 = 0.0136 ≥ 0.01, and 0.008 − 0.005634 < 0.01: unclear.
    expect(precisionClaim({ tp: 8, fp: 992 }).outcome).toBe('unclear');
    // 5%: 0.05 − 2·√(0.05 · 0.95 / 1000) = 0.05 − 0.01378 ≥ 0.01.
    expect(precisionClaim({ tp: 50, fp: 950 }).outcome).toBe('percent');
    expect(precisionClaim({ tp: 0, fp: 0 }).outcome).toBe('unknown');
    for (const c of [{ tp: 5, fp: 995 }, { tp: 8, fp: 992 }, { tp: 50, fp: 950 }]) expect(precisionContradictions(precisionClaim(c), c)).toEqual([]);
    expect(precisionContradictions({ ...precisionClaim({ tp: 8, fp: 992 }), outcome: 'fraction' }, { tp: 8, fp: 992 })).toHaveLength(1);
  });
});
