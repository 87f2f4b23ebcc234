// Steps 7–8's calibration and normalized-entropy verdicts: every outcome, the noise computed by hand.
import { describe, expect, it } from 'vitest';
import { calibrationClaim, calibrationContradictions, entropyClaim, rateNoise } from './calibration-claim.ts';
import { calibrationOutcome } from './imbalance-claim.ts';

describe('rateNoise', () => {
  it('is twice the binomial relative error of the observed rate, widened by the negatives’ weight', () => {
    // 400 positives in 1,000,000 rows: π = 0.0004, 2·√(0.9996 / 400) = 0.099980.
    expect(rateNoise(400, 1_000_000)).toBeCloseTo(0.099979998, 8);
    // 100 positives and 10,000 negatives each weighing 1,000: π = 100 / 10,000,100 = 9.9999e-6,
    // 2·√((1 − π)(1 − π + 1000π) / 100) = 0.2009955.
    expect(rateNoise(100, 10_100, 1000)).toBeCloseTo(0.2009955, 6);
    expect(rateNoise(0, 100)).toBeNaN();
  });
});

describe('calibrationClaim', () => {
  it('calibrated within the noise, near within the tolerance, off beyond both', () => {
    const ok = calibrationClaim(1.05, 400, 1_000_000);
    expect(ok.outcome).toBe('calibrated');
    expect(ok.words).toBe('calibrated again, within the 10% its observed rate can move by chance on 400 positives');
    expect(ok.sentence).toMatch(/can be trusted again, on average\.$/);
    const near = calibrationClaim(1.15, 400, 1_000_000);
    expect(near.outcome).toBe('near');
    expect(near.sentence).toBe('That is 15% off the true rate, beyond the 10% its observed rate can move by chance on 400 positives, but within the 25% tolerance: its probabilities can be trusted, on average, to that.');
    expect(calibrationClaim(1.4, 400, 1_000_000).outcome).toBe('over');
    expect(calibrationClaim(0.6, 400, 1_000_000).outcome).toBe('under');
    for (const r of [1.05, 1.15, 1.4, 0.6]) expect(calibrationContradictions(calibrationClaim(r, 400, 1_000_000))).toEqual([]);
  });

  it('with 25 positives the noise (0.39999) exceeds the 25% tolerance: too few to tell, not calibrated', () => {
    const c = calibrationClaim(1.2, 25, 1_000_000);
    expect(c.noise).toBeCloseTo(0.399995, 6);
    expect(c.outcome).toBe('few');
    expect(c.words).toMatch(/^too few positives to tell/);
    expect(calibrationClaim(Number.NaN, 25, 1_000_000).outcome).toBe('unknown');
  });

  it('the checker catches a verdict its numbers do not carry', () => {
    const c = calibrationClaim(1.15, 400, 1_000_000);
    expect(calibrationContradictions({ ...c, outcome: 'calibrated' })).toHaveLength(1);
    expect(calibrationContradictions({ ...c, noise: 0.2 })[0]).toMatch(/not twice the observed rate's binomial error/);
  });
});

describe('entropyClaim', () => {
  it('above 1 only beyond twice NE ÷ √P', () => {
    // 100 positives: NE 1.3 has noise 2·1.3/10 = 0.26 < 0.3; NE 1.2 has 0.24 > 0.2; NE 0.7 has 0.14 < 0.3.
    expect(entropyClaim(1.3, 100)).toMatchObject({ outcome: 'above', noise: 0.26 });
    expect(entropyClaim(1.2, 100).outcome).toBe('near');
    expect(entropyClaim(0.7, 100).outcome).toBe('below');
    expect(entropyClaim(1.3, 0).outcome).toBe('unknown');
    const c = calibrationClaim(1.05, 400, 1_000_000);
    expect(calibrationContradictions(c, { ...entropyClaim(1.2, 100), outcome: 'above' })).toHaveLength(1);
  });
});

describe('calibrationOutcome with the noise', () => {
  it('over or under only beyond both the 25% tolerance and the noise', () => {
    // 25 positives in 1,000,000 rows: noise 0.39999 (above); a ratio 1.3 is within it, 1.5 beyond it.
    const noise = rateNoise(25, 1_000_000);
    expect(calibrationOutcome(1.3, 0.25, noise)).toBe('calibrated');
    expect(calibrationOutcome(1.5, 0.25, noise)).toBe('over');
    expect(calibrationOutcome(0.55, 0.25, noise)).toBe('under');
    expect(calibrationOutcome(1.3, 0.25, 0.1)).toBe('over');
  });
});
