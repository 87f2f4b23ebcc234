import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { effectiveSampleSize, importanceWeights, offPolicyEstimate } from './ope.ts';

/** Four slots worked by hand: rewards, logging and target probabilities give weights (2, 2, 1, 1). */
const HAND = { reward: [1, 0, 2, 0], loggingProb: [0.5, 0.25, 0.5, 1], targetProb: [1, 0.5, 0.5, 1] };

describe('importance weights and effective sample size', () => {
  it('are target ÷ logging and (Σw)²/Σw²', () => {
    expect(Array.from(importanceWeights(HAND.loggingProb, HAND.targetProb))).toEqual([2, 2, 1, 1]);
    // (2 + 2 + 1 + 1)² / (4 + 4 + 1 + 1) = 36 / 10.
    expect(effectiveSampleSize([2, 2, 1, 1])).toBeCloseTo(3.6, 12);
    expect(effectiveSampleSize([1, 1, 1, 1, 1])).toBe(5);
    // One weight of 100 among 99 weights of 1: 199² / (10,000 + 99) = 3.921.
    expect(effectiveSampleSize([100, ...Array(99).fill(1)])).toBeCloseTo(39601 / 10099, 10);
  });

  it('refuse a logged action that had no chance, and a target probability out of range', () => {
    expect(() => importanceWeights([0], [0.5])).toThrow(RangeError);
    expect(() => importanceWeights([0.5], [1.5])).toThrow(RangeError);
    expect(() => offPolicyEstimate({ reward: [], loggingProb: [], targetProb: [] })).toThrow(RangeError);
  });
});

describe('IPS and SNIPS', () => {
  it('match the hand computation on four independent slots', () => {
    // w·r = (2, 0, 2, 0). IPS = 4/4 = 1; sample variance of w·r = 4/3, se = √(4/3 / 4) = 0.577350.
    // SNIPS = 4 / Σw = 4/6; residuals w·r − (2/3)w = (2/3, −4/3, 4/3, −2/3), Σ² = 40/9;
    // var = 4/3 · (40/9) / 36 = 0.164609, se = 0.405720. z = 1.959964 (Φ⁻¹(0.975)).
    const e = offPolicyEstimate(HAND);
    expect(e.n).toBe(4);
    expect(e.units).toBe(4);
    expect(e.ips.value).toBeCloseTo(1, 12);
    expect(e.ips.se).toBeCloseTo(0.57735, 5);
    expect(e.ips.ci[0]).toBeCloseTo(1 - 1.959964 * 0.57735, 5);
    expect(e.ips.ci[1]).toBeCloseTo(1 + 1.959964 * 0.57735, 5);
    expect(e.snips.value).toBeCloseTo(2 / 3, 12);
    expect(e.snips.se).toBeCloseTo(0.40572, 5);
    expect(e.weightSum).toBe(6);
    expect(e.maxWeight).toBe(2);
    expect(e.supported).toBe(4);
    expect(e.ess).toBeCloseTo(3.6, 12);
  });

  it('take a request’s slots as one unit when clusters are given', () => {
    // Requests {0, 1} and {2, 3}: Σw·r = (2, 2), slots (2, 2), Σw = (4, 2).
    // IPS = 4/4 = 1 with residuals 2 − 1·2 = 0 twice: se 0.
    // SNIPS = 4/6; residuals 2 − (2/3)·4 = −2/3 and 2 − (2/3)·2 = 2/3; var = 2 · (8/9) / 36, se = 2/9.
    const e = offPolicyEstimate({ ...HAND, cluster: [7, 7, 3, 3] });
    expect(e.units).toBe(2);
    expect(e.ips.value).toBeCloseTo(1, 12);
    expect(e.ips.se).toBeCloseTo(0, 12);
    expect(e.snips.value).toBeCloseTo(2 / 3, 12);
    expect(e.snips.se).toBeCloseTo(2 / 9, 12);
  });

  it('shift by a constant added to every reward: SNIPS by the constant, IPS by the constant times the mean weight', () => {
    // SNIPS(r + c) = SNIPS(r) + c exactly; IPS(r + c) = IPS(r) + c·mean(w) = 1 + 5·1.5.
    const shifted = offPolicyEstimate({ ...HAND, reward: HAND.reward.map((r) => r + 5) });
    expect(shifted.snips.value).toBeCloseTo(2 / 3 + 5, 12);
    expect(shifted.ips.value).toBeCloseTo(1 + 5 * 1.5, 12);
  });

  it('gives no estimate when the log never shows what the new policy would (a deterministic log)', () => {
    // Logging always showed ad A (probability 1); the new policy always shows ad B: every weight is 0.
    const e = offPolicyEstimate({ reward: [0.4, 0, 1.2], loggingProb: [1, 1, 1], targetProb: [0, 0, 0] });
    expect(e.supported).toBe(0);
    expect(e.ess).toBe(0);
    expect(e.ips.value).toBe(0);
    expect(Number.isNaN(e.snips.value)).toBe(true);
  });
});

describe('on a synthetic bandit with a known value', () => {
  // Two equally likely contexts, four ads with bids; reward = bid if clicked. Logging explores:
  // its favourite ad with 0.55, each other with 0.15. The new policy shows the ad of highest
  // expected revenue: context 0 → ad 0 (0.05·1 = 0.05), context 1 → ad 3 (0.1·3 = 0.3), so its
  // true value is ½·0.05 + ½·0.3 = 0.175 per slot.
  const CTR = [
    [0.05, 0.02, 0.08, 0.01],
    [0.03, 0.06, 0.02, 0.1],
  ];
  const BID = [1, 2, 0.5, 3];
  const LOGGING = [
    [0.55, 0.15, 0.15, 0.15],
    [0.15, 0.55, 0.15, 0.15],
  ];
  const TARGET = [0, 3];
  const TRUE_VALUE = 0.175;

  /** One log of n slots drawn with the given RNG. */
  function drawLog(rng: Rng, n: number) {
    const reward = new Float64Array(n);
    const loggingProb = new Float64Array(n);
    const targetProb = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = rng.int(2);
      const mu = LOGGING[x] as number[];
      const a = rng.weighted(mu);
      loggingProb[i] = mu[a] as number;
      targetProb[i] = TARGET[x] === a ? 1 : 0;
      reward[i] = rng.uniform() < (CTR[x]![a] as number) ? (BID[a] as number) : 0;
    }
    return { reward, loggingProb, targetProb };
  }

  it('IPS is unbiased, SNIPS has the smaller variance, and both intervals cover about 95% of the time', () => {
    const rng = new Rng('bandit');
    const logs = 400;
    const ips: number[] = [];
    const snips: number[] = [];
    let ipsCover = 0;
    let snipsCover = 0;
    for (let k = 0; k < logs; k++) {
      const e = offPolicyEstimate(drawLog(rng, 4000));
      ips.push(e.ips.value);
      snips.push(e.snips.value);
      if (e.ips.ci[0] <= TRUE_VALUE && TRUE_VALUE <= e.ips.ci[1]) ipsCover++;
      if (e.snips.ci[0] <= TRUE_VALUE && TRUE_VALUE <= e.snips.ci[1]) snipsCover++;
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const variance = (v: number[]) => v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1);
    // Unbiased: the mean of 400 estimates lies within 3 standard errors (sd/√400) of 0.175.
    expect(Math.abs(mean(ips) - TRUE_VALUE)).toBeLessThan(3 * Math.sqrt(variance(ips) / logs));
    expect(Math.abs(mean(snips) - TRUE_VALUE)).toBeLessThan(3 * Math.sqrt(variance(snips) / logs));
    expect(variance(snips)).toBeLessThan(variance(ips));
    // Binomial(400, 0.95) has sd 4.4 slots of 400: 0.92…0.98 is about ±3 sd.
    for (const c of [ipsCover, snipsCover]) {
      expect(c / logs).toBeGreaterThan(0.92);
      expect(c / logs).toBeLessThan(0.98);
    }
  });
});
