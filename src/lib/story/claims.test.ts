// The claims of steps 7–10 and their noise rules, against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { aucStandardError, compare, compareAuc, compareProportion, compareWindows, successiveVariance } from './noise.ts';
import { calibrationOutcome, collectClaim, imbalanceClaim, imbalanceContradictions, rankingOutcome } from './imbalance-claim.ts';
import { driftContradictions, recoveryClaim, reportClaim, staleClaim, trendClaim } from './drift-claim.ts';
import { compareClaim, compareContradictions } from './compare-claim.ts';

describe('noise rules', () => {
  it('Hanley & McNeil’s AUC standard error', () => {
    // A = 0.8, 100 positives, 900 negatives: Q1 = 0.8/1.2 = 0.6667, Q2 = 1.28/1.8 = 0.7111,
    // V = (0.16 + 99·(0.6667 − 0.64) + 899·(0.7111 − 0.64)) / 90,000 = 0.00074143, SE = 0.027229.
    expect(aucStandardError(0.8, 100, 900)).toBeCloseTo(0.027229, 5);
    // 50 and 50: V = (0.16 + 49·0.026667 + 49·0.071111) / 2,500 = 0.0019804, SE = 0.044502.
    expect(aucStandardError(0.8, 50, 50)).toBeCloseTo(0.044502, 5);
    expect(aucStandardError(0.8, 0, 900)).toBeNaN();
  });

  it('a difference counts only beyond its threshold, either way', () => {
    expect(compare(0.7, 0.75, 0.04).change).toBe('up');
    expect(compare(0.75, 0.7, 0.04).change).toBe('down');
    expect(compare(0.7, 0.73, 0.04).change).toBe('same');
    expect(compare(Number.NaN, 0.7, 0.04).change).toBe('same');
  });

  it('two AUCs: twice the root of the summed variances, at least the floor', () => {
    const a = { auc: 0.8, positives: 100, rows: 1000 };
    const b = { auc: 0.75, positives: 100, rows: 1000 };
    // SE(0.75; 100, 900): Q1 = 0.6, Q2 = 0.642857; V = (0.1875 + 99·0.0375 + 899·0.080357)/90,000 = 0.00084611, SE = 0.029088.
    const c = compareAuc(a, b);
    expect(c.noise).toBeCloseTo(2 * Math.sqrt(0.027229 ** 2 + 0.029088 ** 2), 4);
    expect(c.change).toBe('same'); // −0.05 against a threshold of 0.0797
    // With 100× the rows the same gap is real.
    expect(compareAuc({ ...a, positives: 10_000, rows: 100_000 }, { ...b, positives: 10_000, rows: 100_000 }).change).toBe('down');
    // Huge samples still need the floor of 0.005.
    expect(compareAuc({ auc: 0.8, positives: 1e7, rows: 1e8 }, { auc: 0.803, positives: 1e7, rows: 1e8 }).change).toBe('same');
  });

  it('two proportions as binomials', () => {
    // 0.2 and 0.4 of 50 each: √(0.16/50 + 0.24/50) = 0.08944, ×2 = 0.1789 < 0.2: real.
    const c = compareProportion(0.2, 50, 0.4, 50);
    expect(c.noise).toBeCloseTo(0.17889, 4);
    expect(c.change).toBe('up');
    expect(compareProportion(0.2, 20, 0.4, 20).change).toBe('same'); // threshold 0.283
  });

  it('successive variance and windows', () => {
    // 1, 3, 2, 6: differences 2, −1, 4; Σd² = 21; ÷ (2·3) = 3.5.
    expect(successiveVariance([1, 3, 2, 6])).toBeCloseTo(3.5, 12);
    // 10, 10, 10, 12, 12, 12 with window 3: one step of 2, Σd² = 4, variance 4/10 = 0.4,
    // se = √(0.4 · 2/3) = 0.5164, threshold 1.033 < 2: rose.
    const w = compareWindows([10, 10, 10, 12, 12, 12], 3);
    expect(w?.first).toBe(10);
    expect(w?.last).toBe(12);
    expect(w?.noise).toBeCloseTo(2 * Math.sqrt(0.4 * (2 / 3)), 12);
    expect(w?.change).toBe('up');
    expect(compareWindows([1, 2, 3], 2)).toBeNull();
  });
});

describe('step 7: imbalance', () => {
  it('a model that never says “show” is the dummy', () => {
    const c = imbalanceClaim({ tp: 0, fp: 0, tn: 9_999, fn: 1 });
    expect(c.show).toBe('silent');
    expect(c.dummy).toBe('same');
    expect(c.dummyAccuracy).toBeCloseTo(0.9999, 12);
    expect(c.accuracy).toBeCloseTo(0.9999, 12);
    expect(c.baseRate).toBeCloseTo(0.0001, 12);
    expect(imbalanceContradictions(c)).toEqual([]);
  });

  it('a few hits and as many false alarms: within the noise of the dummy', () => {
    // tp 3, fp 2, total 10,000: gap 1e-4, noise 2·√(3 + 2)/10,000 = 4.47e-4.
    const c = imbalanceClaim({ tp: 3, fp: 2, tn: 9_985, fn: 10 });
    expect(c.show).toBe('few');
    expect(c.dummy).toBe('same');
    expect(c.accuracyNoise).toBeCloseTo((2 * Math.sqrt(5)) / 10_000, 12);
  });

  it('at a mild skew most positives are found and the model beats the dummy', () => {
    // tp 800, fp 100 (weight 1): gap 700/10,000 = 0.07, noise 2·30/10,000 = 0.006.
    const c = imbalanceClaim({ tp: 800, fp: 100, tn: 8_900, fn: 200 });
    expect(c.show).toBe('most');
    expect(c.dummy).toBe('better');
    expect(c.recall).toBeCloseTo(0.8, 12);
    // A weight of 100 on each sampled negative: noise 2·√(800 + 10,000)/10,000 = 0.02078.
    expect(imbalanceClaim({ tp: 800, fp: 100, tn: 8_900, fn: 200 }, 100).accuracyNoise).toBeCloseTo(0.020785, 5);
  });

  it('false alarms outnumbering hits: the dummy is more accurate', () => {
    const c = imbalanceClaim({ tp: 10, fp: 400, tn: 9_500, fn: 90 });
    expect(c.dummy).toBe('worse');
    expect(imbalanceContradictions(c)).toEqual([]);
  });

  it('collection: recall compared as proportions of the same positives, calibration within 25%', () => {
    // 0 → 0.6 of 50 positives: noise 2·√(0.24/50) = 0.1386.
    const k = collectClaim({ recall: 0 }, { recall: 0.6, precision: 0.1, calibration: 1.1 }, 50);
    expect(k.recall).toBe('up');
    expect(k.recallNoise).toBeCloseTo(0.13856, 4);
    expect(k.calibration).toBe('calibrated');
    expect(k.precisionLow).toBe(true);
    expect(calibrationOutcome(1.3)).toBe('over');
    expect(calibrationOutcome(0.7)).toBe('under');
    expect(calibrationOutcome(Number.NaN)).toBe('unknown');
    expect(rankingOutcome(0.85)).toBe('good');
    expect(rankingOutcome(0.65)).toBe('fair');
    expect(rankingOutcome(0.55)).toBe('poor');
  });

  it('the contradiction check catches a forged verdict', () => {
    const c = imbalanceClaim({ tp: 800, fp: 100, tn: 8_900, fn: 200 });
    expect(imbalanceContradictions({ ...c, show: 'silent' })).toHaveLength(1);
    expect(imbalanceContradictions({ ...c, dummy: 'same' })).toHaveLength(1);
  });
});

describe('steps 9–10: drift', () => {
  const old = { auc: 0.8, positives: 100, rows: 1000 };
  it('the stale model decays, holds or improves by the AUC’s standard errors', () => {
    const big = { positives: 10_000, rows: 100_000 };
    expect(staleClaim({ auc: 0.8, ...big }, { auc: 0.75, ...big }).outcome).toBe('decayed');
    expect(staleClaim({ auc: 0.8, ...big }, { auc: 0.85, ...big }).outcome).toBe('improved');
    const held = staleClaim(old, { ...old, auc: 0.78 });
    expect(held.outcome).toBe('held');
    expect(held.gap).toBeCloseTo(0.02, 12);
    expect(driftContradictions({ stale: held })).toEqual([]);
    expect(driftContradictions({ stale: { ...held, outcome: 'decayed' } })).toHaveLength(1);
  });

  it('the daily trend against its successive-difference noise, with a 0.005 floor', () => {
    // Seven days at 0.80 then seven at 0.70: one step of −0.1, Σd² = 0.01, variance 0.01/26,
    // se = √(0.01/26 · 2/7) = 0.01048, threshold 0.02096 < 0.1: declined.
    const t = trendClaim([...Array(7).fill(0.8), ...Array(7).fill(0.7)]);
    expect(t?.outcome).toBe('declined');
    expect(t?.noise).toBeCloseTo(2 * Math.sqrt((0.01 / 26) * (2 / 7)), 12);
    expect(trendClaim(Array(14).fill(0.8))?.outcome).toBe('flat');
    expect(trendClaim(Array(13).fill(0.8))).toBeNull();
    // With each day's counts the Hanley–McNeil error of the two weekly means joins the rule. By hand, 25 positives
    // and 975 negatives a day: se 0.053613 at AUC 0.8 and 0.057058 at 0.75; weekly means 0.020264 and 0.021566;
    // twice their root sum of squares 0.059186 > 0.05, so a drop the successive-day spread (0.0105) calls a decline is flat.
    const daily = [...Array(7).fill(0.8), ...Array(7).fill(0.75)];
    expect(trendClaim(daily)?.outcome).toBe('declined');
    const counted = trendClaim(daily, 7, Array(14).fill({ positives: 25, rows: 1000 }));
    expect(counted?.noise).toBeCloseTo(0.059186, 4);
    expect(counted?.outcome).toBe('flat');
  });

  it('the report beside the AUC: four readings', () => {
    const big = { positives: 10_000, rows: 100_000 };
    const decayed = staleClaim({ auc: 0.8, ...big }, { auc: 0.75, ...big });
    const held = staleClaim(old, { ...old, auc: 0.79 });
    expect(reportClaim(['device'], decayed, true).outcome).toBe('harm-and-flags');
    expect(reportClaim([], decayed, true).outcome).toBe('harm-no-flags');
    expect(reportClaim(['device'], held, false).outcome).toBe('flags-no-harm');
    expect(reportClaim([], held, false).outcome).toBe('quiet');
  });

  it('recovery, and how the fresh model stands against the old test level', () => {
    const big = { positives: 10_000, rows: 100_000 };
    const r = recoveryClaim({ auc: 0.75, ...big }, { auc: 0.79, ...big }, { auc: 0.8, ...big });
    expect(r.outcome).toBe('recovered');
    expect(r.recovered).toBeCloseTo(0.04, 12);
    expect(r.level?.outcome).toBe('short'); // 0.01 below, threshold max(0.005, ~0.0016)
    expect(recoveryClaim({ auc: 0.75, ...big }, { auc: 0.8, ...big }, { auc: 0.8, ...big }).level?.outcome).toBe('caught-up');
    expect(recoveryClaim({ auc: 0.75, ...big }, { auc: 0.7, ...big }, null).outcome).toBe('worse');
    const same = recoveryClaim(old, { ...old, auc: 0.81 }, null);
    expect(same.outcome).toBe('no-difference');
    expect(driftContradictions({ recovery: same })).toEqual([]);
    expect(driftContradictions({ recovery: { ...same, outcome: 'recovered' } })).toHaveLength(1);
  });
});

describe('step 8: the three models', () => {
  const big = { positives: 10_000, rows: 100_000 };
  it('relabelling and rebalancing judged by the AUCs’ noise; who says “show”', () => {
    const c = compareClaim({ auc: 0.7, recall: 0, ...big }, { auc: 0.8, recall: 0, ...big }, { auc: 0.801, recall: 0.5, ...big });
    expect(c.relabelling).toBe('up');
    expect(c.rebalancing).toBe('same');
    expect(c.showing).toEqual(['rebalanced']);
    expect(compareContradictions(c)).toEqual([]);
    expect(compareContradictions({ ...c, rebalancing: 'up' })).toHaveLength(1);
  });
});

describe('questions follow the numbers', () => {
  it('step 7 and step 9 ask about what happened', async () => {
    const { imbalanceQuestion } = await import('./imbalance-claim.ts');
    const { staleQuestion } = await import('./drift-claim.ts');
    expect(imbalanceQuestion(imbalanceClaim({ tp: 0, fp: 0, tn: 9_999, fn: 1 }))).toBe('Why is near-perfect accuracy useless here?');
    expect(imbalanceQuestion(imbalanceClaim({ tp: 10, fp: 400, tn: 9_500, fn: 90 }))).toMatch(/less accurate than a dummy/);
    const big = { positives: 10_000, rows: 100_000 };
    const decayed = staleClaim({ auc: 0.8, ...big }, { auc: 0.75, ...big });
    expect(staleQuestion(decayed, trendClaim([...Array(7).fill(0.8), ...Array(7).fill(0.7)]))).toBe('Why does a good model get worse every day?');
    expect(staleQuestion(decayed, trendClaim(Array(14).fill(0.8)))).toMatch(/worse on yesterday/);
    expect(staleQuestion(staleClaim({ auc: 0.8, ...big }, { auc: 0.8, ...big }), null)).toBe('Why did this model not go stale?');
  });
});
