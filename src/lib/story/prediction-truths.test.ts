// Each prediction's live answer follows the claim it is computed from, for every outcome.
import { describe, expect, it } from 'vitest';
import { accuracyTruth, crossTruth, dummyTruth, firstAlertTruth, liveRevenueTruth, recoveryTruth, winnerTruth, wrongLabelsTruth, yesterdayTruth } from './prediction-truths.ts';
import { crossClaim, crossContradictions } from './features-claim.ts';
import { imbalanceClaim } from './imbalance-claim.ts';
import { recoveryClaim, staleClaim } from './drift-claim.ts';
import { switchClaim } from './switch-claim.ts';
import type { LiveClaim } from './live-claim.ts';

const big = { positives: 10_000, rows: 100_000 };

describe('prediction truths', () => {
  it('step 3: the cross, judged by the AUCs’ noise on the validation rows', () => {
    // 20,000 validation rows with 200 positives: SE(0.80) ≈ √((0.16 + 199·0.02667 + 19,799·0.07111)/(200·19,800)) = 0.01889;
    // two of them: 2·√2·0.0189 ≈ 0.0534; a gain of 0.10 is real, 0.03 is not.
    const up = crossClaim(0.7, 0.8, 20_000, 200);
    expect(up.outcome).toBe('up');
    expect(crossTruth(up).value).toBe('up');
    const same = crossClaim(0.77, 0.8, 20_000, 200);
    expect(same.outcome).toBe('same');
    expect(crossTruth(same).why).toMatch(/within/);
    expect(crossContradictions(same)).toEqual([]);
    expect(crossContradictions({ ...same, outcome: 'up' })).toHaveLength(1);
    expect(crossTruth(crossClaim(0.8, 0.7, 20_000, 200)).value).toBe('down');
  });

  it('step 4: accuracy beside always saying “don’t show”', () => {
    expect(accuracyTruth(0.9999, 0.0001).why).toMatch(/says almost nothing/);
    expect(accuracyTruth(0.95, 0.1).why).toMatch(/^Above/);
    expect(accuracyTruth(0.85, 0.1).why).toMatch(/^Below/);
    expect(accuracyTruth(0.9999, 0.0001).text).toBe('99.99%');
  });

  it('step 5: the wrong share, read whole', () => {
    expect(wrongLabelsTruth(0.45).value).toBe(0.45);
    expect(wrongLabelsTruth(0).why).toMatch(/no label bug/);
  });

  it('step 7: the dummy’s accuracy with the claim’s verdict', () => {
    const t = dummyTruth(imbalanceClaim({ tp: 0, fp: 0, tn: 9_999, fn: 1 }));
    expect(t.value).toBeCloseTo(0.9999, 12);
    expect(t.text).toBe('99.99%');
    expect(t.why).toMatch(/no better/);
    expect(dummyTruth(imbalanceClaim({ tp: 800, fp: 100, tn: 8_900, fn: 200 })).why).toMatch(/does better/);
  });

  it('step 9: the direction from the stale claim, every outcome', () => {
    expect(yesterdayTruth(staleClaim({ auc: 0.8, ...big }, { auc: 0.75, ...big }), 0.9).value).toBe('down');
    expect(yesterdayTruth(staleClaim({ auc: 0.8, ...big }, { auc: 0.85, ...big }), 0.9).value).toBe('up');
    const held = yesterdayTruth(staleClaim({ auc: 0.8, ...big }, { auc: 0.8, ...big }), 0);
    expect(held.value).toBe('same');
    expect(held.why).toMatch(/drift 0/);
  });

  it('step 10: all, part, none or worse', () => {
    expect(recoveryTruth(recoveryClaim({ auc: 0.75, ...big }, { auc: 0.8, ...big }, { auc: 0.8, ...big })).value).toBe('all');
    expect(recoveryTruth(recoveryClaim({ auc: 0.75, ...big }, { auc: 0.78, ...big }, { auc: 0.8, ...big })).value).toBe('part');
    expect(recoveryTruth(recoveryClaim({ auc: 0.75, ...big }, { auc: 0.751, ...big }, null)).value).toBe('none');
    expect(recoveryTruth(recoveryClaim({ auc: 0.75, ...big }, { auc: 0.7, ...big }, null)).value).toBe('worse');
  });

  it('step 12: revenue’s direction and the winner from the interval', () => {
    const trend = (direction: 'rose' | 'fell' | 'flat') => ({ direction, first: 100, last: direction === 'fell' ? 80 : 120, change: direction === 'fell' ? -0.2 : 0.2, noise: 0.05 });
    const live = (d: 'rose' | 'fell' | 'flat'): LiveClaim => ({ lesson: 'business-held', impressions: trend('rose'), ctr: trend('fell'), revenue: trend(d), window: 3 });
    expect(liveRevenueTruth(live('fell')).value).toBe('down');
    expect(liveRevenueTruth(live('flat')).value).toBe('same');
    expect(liveRevenueTruth(live('rose')).value).toBe('up');
    expect(liveRevenueTruth(live('fell')).text).toBe('$100.00 → $80.00 (down 20%)');
    // The mechanism is named only with the measured blindness: rose 0.20 → 0.30 (beyond a 5% noise), else not.
    const blind = (direction: 'rose' | 'fell' | 'flat') => ({ direction, first: 0.2, last: direction === 'fell' ? 0.1 : 0.3, change: direction === 'fell' ? -0.5 : 0.5, noise: 0.05 });
    expect(liveRevenueTruth(live('fell'), blind('rose')).why).toBe('Each irrelevant ad teaches users to ignore ads (their measured blindness rose from 20% to 30%): the more the policy shows, the fewer clicks each ad earns.');
    for (const b of [undefined, null, blind('flat'), blind('fell')]) {
      expect(liveRevenueTruth(live('fell'), b).why).not.toMatch(/irrelevant/);
      expect(liveRevenueTruth(live('fell'), b).why).toMatch(/did not rise beyond its noise/);
      expect(liveRevenueTruth(live('rose'), b).why).toMatch(/did not rise beyond its noise: they tolerated/);
    }
    expect(liveRevenueTruth(live('rose'), blind('rose')).why).toMatch(/although the users’ measured blindness rose from 20% to 30%/);
    expect(liveRevenueTruth(live('flat'), blind('rose')).why).toMatch(/within the 5% that revenue moves by/);
    expect(winnerTruth(switchClaim(1_000, [500, 1_500])!).value).toBe('ctr');
    expect(winnerTruth(switchClaim(-1_000, [-1_500, -500])!).value).toBe('impressions');
    expect(winnerTruth(switchClaim(100, [-200, 400])!).value).toBe('tie');
    // "Fewer, better ads" only with the measured recovery.
    expect(winnerTruth(switchClaim(1_000, [500, 1_500])!).why).not.toMatch(/Fewer, better ads/);
    expect(winnerTruth(switchClaim(1_000, [500, 1_500])!, { first: 0.5, last: 0.3 }).why).toMatch(/Fewer, better ads: its users’ measured blindness fell from 50% to 30%/);
  });
});

describe('prediction truths, steps 6 and 8', () => {
  it('relabelling and who says “show”', async () => {
    const { relabelTruth, showsTruth } = await import('./prediction-truths.ts');
    const { retrainClaim } = await import('./labels-claim.ts');
    const { compareClaim } = await import('./compare-claim.ts');
    const c = retrainClaim({ auc: 0.7, ...big }, { auc: 0.8, ...big }, 100, undefined, undefined, 0.1);
    expect(relabelTruth(c, 0.7, 0.8).value).toBe('up');
    expect(relabelTruth(c, 0.7, 0.8).text).toBe('0.700 → 0.800 gold AUC (+0.100)');
    const m = (recall: number, auc = 0.8) => ({ auc, recall, ...big });
    expect(showsTruth(compareClaim(m(0), m(0), m(0.5))).value).toBe('rebalanced');
    expect(showsTruth(compareClaim(m(0), m(0), m(0))).value).toBe('none');
    expect(showsTruth(compareClaim(m(0.1), m(0.1), m(0.5))).value).toBe('all');
    expect(showsTruth(compareClaim(m(0.1), m(0), m(0.5))).value).toBe('other');
  });

  it('step 11: the first alert, every kind raised when that day closed, and none only after the whole fortnight', () => {
    expect(firstAlertTruth([], 5, 14, 0.5)).toBeNull();
    const quiet = firstAlertTruth([], 14, 14, 0.5)!;
    expect(quiet.value).toBe('none');
    expect(quiet.text).toBe('no alert in 14 served days');
    const alerts = [
      { kind: 'ctr_drop', day: 92 },
      { kind: 'feature_drift', day: 91 },
      { kind: 'prediction_drift', day: 91 },
      { kind: 'feature_drift', day: 91 },
    ] as const;
    const first = firstAlertTruth(alerts, 3, 14, 0.5)!;
    expect(first.value).toBe('feature_drift');
    expect(first.also).toEqual(['prediction_drift']);
    expect(first.text).toBe('feature drift and prediction drift, when day 91 closed');
    expect(first.why).toMatch(/^The inputs move first/);
    // At drift 0 a feature alert is chance, and the sentence says so.
    expect(firstAlertTruth(alerts, 3, 14, 0)!.why).toMatch(/drift 0/);
    const alone = firstAlertTruth([{ kind: 'latency', day: 90 }], 1, 14, 0.5)!;
    expect(alone.also).toBeUndefined();
    expect(alone.why).toMatch(/machine/);
  });
});
