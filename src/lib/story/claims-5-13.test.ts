// The claims of steps 5, 6, 11 and 13, against values worked out by hand: every outcome reached,
// and each contradiction check shown to catch a forged verdict.
import { describe, expect, it } from 'vitest';
import { BUGGY_CELL, annotatorsAt, labelsContradictions, retrainClaim, suspectClaim, type SliceErrors } from './labels-claim.ts';
import { monitorClaim, monitorContradictions, type MonitoredDay } from './monitor-claim.ts';
import { historyContradictions, loopClaim, runData, runObjective, splitsInto } from './history-claim.ts';
import type { LiveClaim, Trend } from './live-claim.ts';
import { inWords } from './format.ts';

describe('step 5: suspects', () => {
  const validation = { auc: 0.8, positives: 100, rows: 1000 };
  const report = { wrongPositiveShare: 0.6, observedPositives: 100, suspectPrecision: 0.75, suspects: 200, oofAuc: 0.7 };

  it('the out-of-fold drop, the wrong share and the precision, each by its rule', () => {
    // SE(0.8; 100, 900) = 0.027229 (claims.test.ts). SE(0.7; 100, 900): Q1 = 0.7/1.3 = 0.538462,
    // Q2 = 0.98/1.7 = 0.576471; V = (0.21 + 99·0.048462 + 899·0.086471)/90,000 = 0.00091939, SE = 0.030321.
    // Threshold 2·√(0.027229² + 0.030321²) = 0.081506 < 0.1: the drop is real.
    const c = suspectClaim(report, 1000, validation, 0.1);
    expect(c.oof).toBe('below');
    expect(c.oofDiff).toBeCloseTo(-0.1, 12);
    expect(c.oofNoise).toBeCloseTo(0.081506, 5);
    expect(c.wrong).toBe('most');
    // Top 100 of 200 suspects: 2·√(0.25/100) = 0.1 around one half; 0.75 is 0.25 above it.
    expect(c.precisionOf).toBe(100);
    expect(c.precisionNoise).toBeCloseTo(0.1, 12);
    expect(c.precision).toBe('high');
    expect(c.annotators).toBe('noisy');
    expect(labelsContradictions({ suspects: c })).toEqual([]);
  });

  it('the other outcomes', () => {
    // 0.81 against 0.8 on 1,000 rows: within 0.08.
    expect(suspectClaim({ ...report, oofAuc: 0.81 }, 1000, validation, 0.1).oof).toBe('same');
    // 0.85 against 0.8 with 10,000 positives of 100,000 rows each: SEs 0.0027217 and 0.0024582, threshold 0.0073350 < 0.05.
    const big = suspectClaim({ ...report, oofAuc: 0.85, observedPositives: 10_000 }, 100_000, { auc: 0.8, positives: 10_000, rows: 100_000 }, 0.1);
    expect(big.oof).toBe('above');
    expect(big.oofNoise).toBeCloseTo(0.007335, 5);
    expect(suspectClaim({ ...report, wrongPositiveShare: 0.2 }, 1000, validation, 0.1).wrong).toBe('some');
    expect(suspectClaim({ ...report, wrongPositiveShare: 0 }, 1000, validation, 0).wrong).toBe('none');
    expect(suspectClaim(report, 1000, validation, 0).annotators).toBe('perfect');
    expect(suspectClaim({ ...report, suspectPrecision: 0.55 }, 1000, validation, 0.1).precision).toBe('mixed'); // 0.05 ≤ 0.1
    expect(suspectClaim({ ...report, suspectPrecision: 0.3 }, 1000, validation, 0.1).precision).toBe('low'); // 0.2 > 0.1 below
    // 25 suspects: 2·√(0.25/25) = 0.2, so 0.68 is within it.
    const few = suspectClaim({ ...report, suspects: 25, suspectPrecision: 0.68 }, 1000, validation, 0.1);
    expect(few.precisionOf).toBe(25);
    expect(few.precision).toBe('mixed');
    expect(suspectClaim({ ...report, suspects: 0, suspectPrecision: Number.NaN }, 1000, validation, 0.1).precision).toBe('none');
  });

  it('the contradiction check catches a forged verdict', () => {
    const c = suspectClaim(report, 1000, validation, 0.1);
    expect(labelsContradictions({ suspects: { ...c, oof: 'same' } })).toHaveLength(1);
    expect(labelsContradictions({ suspects: { ...c, wrong: 'some' } })).toHaveLength(1);
    expect(labelsContradictions({ suspects: { ...c, precision: 'low' } })).toHaveLength(1);
    expect(labelsContradictions({ suspects: { ...c, annotators: 'perfect' } })).toHaveLength(1);
  });
});

describe('step 6: the relabelled model', () => {
  const big = { positives: 10_000, rows: 100_000 };
  const cell = (name: string, errorRate: number, rows = 1000): SliceErrors => ({ slice: `cell:${name}`, name, family: 'cell', rows, errorRate });

  it('gold AUC by its standard errors, the worst slice as binomial shares', () => {
    // Gold 0.80 → 0.85 on 10,000 of 100,000 each: threshold 0.007335 (above), better.
    // Slice 0.3 → 0.1 on 1,000 rows each: 2·√(0.21/1000 + 0.09/1000) = 0.034641 < 0.2, fewer.
    const c = retrainClaim({ auc: 0.8, ...big }, { auc: 0.85, ...big }, 40, cell(BUGGY_CELL, 0.3), cell(BUGGY_CELL, 0.1), 0.1);
    expect(c.gold).toBe('better');
    expect(c.goldNoise).toBeCloseTo(0.007335, 5);
    expect(c.slice?.outcome).toBe('fewer');
    expect(c.slice?.noise).toBeCloseTo(0.034641, 5);
    expect(c.slice?.buggyCell).toBe(true);
    expect(c.changed).toBe(40);
    expect(labelsContradictions({ retrain: c })).toEqual([]);
  });

  it('the other outcomes', () => {
    expect(retrainClaim({ auc: 0.85, ...big }, { auc: 0.8, ...big }, 40, undefined, undefined, 0.1).gold).toBe('worse');
    const small = { positives: 100, rows: 1000 };
    const same = retrainClaim({ auc: 0.8, ...small }, { auc: 0.82, ...small }, 0, cell('shoes×food', 0.1), cell('shoes×food', 0.3), 0);
    expect(same.gold).toBe('same'); // 0.02 within about 0.077
    expect(same.slice?.outcome).toBe('more');
    expect(same.slice?.buggyCell).toBe(false);
    expect(same.annotators).toBe('perfect');
    expect(same.changed).toBe(0);
    // 0.30 → 0.29 on 1,000 rows: 2·√(0.21/1000 + 0.2059/1000) = 0.0408, within.
    expect(retrainClaim({ auc: 0.8, ...small }, { auc: 0.8, ...small }, 1, cell(BUGGY_CELL, 0.3), cell(BUGGY_CELL, 0.29), 0.1).slice?.outcome).toBe('same');
    // 0.300 → 0.295 on ten million rows each: the binomial threshold is 0.0004, the one-point floor keeps it 'same'.
    const floor = retrainClaim({ auc: 0.8, ...small }, { auc: 0.8, ...small }, 1, cell(BUGGY_CELL, 0.3, 1e7), cell(BUGGY_CELL, 0.295, 1e7), 0.1);
    expect(floor.slice?.noise).toBe(0.01);
    expect(floor.slice?.outcome).toBe('same');
    expect(retrainClaim({ auc: 0.8, ...small }, { auc: 0.8, ...small }, 1, undefined, undefined, 0.1).slice).toBeNull();
    expect(annotatorsAt(0)).toBe('perfect');
    expect(annotatorsAt(0.05)).toBe('noisy');
  });

  it('the contradiction check catches a forged verdict', () => {
    const c = retrainClaim({ auc: 0.8, ...big }, { auc: 0.85, ...big }, 40, cell(BUGGY_CELL, 0.3), cell(BUGGY_CELL, 0.1), 0.1);
    expect(labelsContradictions({ retrain: { ...c, gold: 'same' } })).toHaveLength(1);
    expect(labelsContradictions({ retrain: { ...c, slice: { ...c.slice!, outcome: 'more' } } })).toHaveLength(1);
    expect(labelsContradictions({ retrain: { ...c, slice: { ...c.slice!, buggyCell: false } } })).toHaveLength(1);
  });
});

describe('step 11: the monitoring dashboard', () => {
  const day = (clicks: number, psi: Record<string, number> = { device: 0.02, queryCat: 0.03 }): MonitoredDay => ({ clicks, impressions: 1000, psi });
  const falling = [50, 50, 50, 40, 40, 40].map((c) => day(c));
  const thresholds = { psi: 0.1, ctrDrop: 0.1 };
  const ctrAlert = { kind: 'ctr_drop', threshold: 0.1 };

  it('CTR from the first three days to the last against the day-to-day noise', () => {
    // CTR 0.05, 0.05, 0.05, 0.04, 0.04, 0.04: one step of −0.01, Σd² = 0.0001, variance 0.0001/10 = 1e-5,
    // se = √(1e-5 · 2/3) = 0.0025820, threshold max(2·0.0025820, 1% of 0.05) = 0.0051640 < 0.01: fell.
    const c = monitorClaim(falling, [ctrAlert, ctrAlert], thresholds, 0.9);
    expect(c.ctr).toBe('fell');
    expect(c.first).toBeCloseTo(0.05, 12);
    expect(c.last).toBeCloseTo(0.04, 12);
    expect(c.noise).toBeCloseTo(2 * Math.sqrt(1e-5 * (2 / 3)), 12);
    expect(c.falls).toBe(1);
    expect(c.reading).toBe('alert-and-fall');
    expect(c.ctrAlerts).toBe(2);
    expect(c.driftReading).toBe('no-alerts');
    expect(c.maxPsi).toBeCloseTo(0.03, 12);
    expect(monitorContradictions(c)).toEqual([]);
  });

  it('every other CTR outcome and reading', () => {
    const rising = [40, 40, 40, 50, 50, 50].map((c) => day(c));
    expect(monitorClaim(rising, [], thresholds, 0.9).ctr).toBe('rose');
    // A flat series: no spread, so the 1% floor (0.0005) decides.
    const flat = monitorClaim(Array.from({ length: 6 }, () => day(50)), [ctrAlert], thresholds, 0.9);
    expect(flat.ctr).toBe('flat');
    expect(flat.noise).toBeCloseTo(0.0005, 12);
    expect(flat.reading).toBe('alert-no-fall');
    expect(monitorClaim(falling, [], thresholds, 0.9).reading).toBe('fall-no-alert');
    expect(monitorClaim(rising, [], thresholds, 0.9).reading).toBe('quiet');
    const few = monitorClaim(falling.slice(0, 5), [], thresholds, 0.9);
    expect(few.ctr).toBe('too-few'); // 5 days < 2 × 3
    expect(monitorContradictions(few)).toEqual([]);
  });

  it('PSI alerts beside the drift knob', () => {
    const drifted = [...falling.slice(0, 5), day(40, { device: 0.15, queryCat: 0.03 })];
    const moved = monitorClaim(drifted, [{ kind: 'feature_drift', threshold: 0.1 }], thresholds, 0.9);
    expect(moved.driftReading).toBe('drift-alerts');
    expect(moved.driftFeatures).toEqual(['device']);
    expect(moved.driftAlerts).toBe(1);
    expect(monitorClaim(drifted, [], thresholds, 0).driftReading).toBe('stationary-alerts');
    expect(monitorContradictions(moved)).toEqual([]);
  });

  it('the contradiction check catches a forged verdict', () => {
    const c = monitorClaim(falling, [ctrAlert], thresholds, 0.9);
    // A forged 'flat' contradicts the CTR's own numbers and the reading beside the alert.
    expect(monitorContradictions({ ...c, ctr: 'flat' })).toEqual([expect.stringMatching(/^CTR: said within the noise, but /), expect.stringMatching(/^reading /)]);
    expect(monitorContradictions({ ...c, reading: 'alert-no-fall' })).toHaveLength(1);
    expect(monitorContradictions({ ...c, driftReading: 'drift-alerts' })).toHaveLength(1);
    expect(monitorContradictions({ ...c, ctr: 'too-few' }).length).toBeGreaterThan(0);
  });
});

describe('step 13: the run history and the loop', () => {
  it('a run’s rows from the set it trained on, checked against its validation split', () => {
    // 11,884 collected rows at 0.2: round(2,376.8) = 2,377 validation rows, 9,507 to fit on.
    const run = { validation: { rows: 2377 }, config: { validationFraction: 0.2 } };
    expect(splitsInto(11_884, 2377, 0.2)).toBe(true);
    expect(splitsInto(1_000_000, 2377, 0.2)).toBe(false);
    const d = runData(run, [undefined, 11_884, 1_000_000]);
    expect(d).toEqual({ rows: 11_884, source: 'exact', validationRows: 2377, trainingRows: 9507, validationFraction: 0.2 });
    // Without the collection's count the world's 1,000,000 rows do not fit: 2,377 / 0.2 = 11,885, estimated.
    const e = runData(run, [undefined, undefined, 1_000_000]);
    expect(e.source).toBe('estimated');
    expect(e.rows).toBe(11_885);
    // The step-4 model on the world's own log: 200,000 of 1,000,000.
    expect(runData({ validation: { rows: 200_000 }, config: { validationFraction: 0.2 } }, [1_000_000]).source).toBe('exact');
    expect(historyContradictions({ runs: [{ run, data: d }, { run, data: e }] })).toEqual([]);
    expect(historyContradictions({ runs: [{ run, data: { ...d, rows: 1_000_000, trainingRows: 1_000_000 - 2377 } }] })).toHaveLength(1);
  });

  it('objectives from the deployment log', () => {
    const log = [
      { version: 'v5', role: 'impressions_policy', action: 'ship' },
      { version: 'v5', role: 'impressions_policy', action: 'shadow' },
      { version: 'v5', role: 'impressions_policy', action: 'promote' },
      { version: 'v6', role: 'ctr_policy', action: 'ship' },
    ];
    expect(runObjective('v5', 'show', log)).toEqual({ target: 'show', served: 'live', objective: 'impressions' });
    expect(runObjective('v6', 'click', log)).toEqual({ target: 'click', served: 'shadow', objective: 'clicks' });
    expect(runObjective('v1', 'show', log)).toEqual({ target: 'show', served: 'none', objective: null });
  });

  it('what the loop showed about the impressions metric', () => {
    const live = (lesson: LiveClaim['lesson'], revenue: 'rose' | 'fell' | 'flat') => ({ lesson, revenue: { direction: revenue } }) as LiveClaim;
    const failed = loopClaim(live('metric-rose-business-fell', 'fell'), 'won');
    expect(failed.outcome).toBe('metric-failed');
    expect(failed.switched).toBe('won');
    expect(loopClaim(live('metric-rose-business-flat', 'flat'), null).outcome).toBe('metric-failed');
    const held = loopClaim(live('business-rose', 'rose'), 'lost');
    expect(held.outcome).toBe('metric-held');
    expect(loopClaim(null, null).outcome).toBe('not-served');
    // Revenue fell but impressions did not rise: the fall is not laid on the metric.
    expect(loopClaim(live('both-fell', 'fell'), null).outcome).toBe('business-fell');
    expect(loopClaim(live('metric-held-business-fell', 'fell'), null).outcome).toBe('business-fell');
    // "The users paid with their attention" only when their measured blindness rose.
    const trend = (direction: 'rose' | 'fell' | 'flat') => ({ direction, first: 0.1, last: 0.2, change: 1, noise: 0.05 }) as Trend;
    expect(loopClaim(live('metric-rose-business-fell', 'fell'), null, trend('rose')).attention).toBe(true);
    expect(loopClaim(live('metric-rose-business-fell', 'fell'), null, trend('flat')).attention).toBe(false);
    expect(loopClaim(live('metric-rose-business-fell', 'fell'), null).attention).toBe(false);
    expect(historyContradictions({ loop: { ...failed, attention: true, blindness: 'fell' } })).toHaveLength(1);
    expect(historyContradictions({ loop: { ...failed, outcome: 'business-fell' } }).length).toBeGreaterThan(0);
    expect(historyContradictions({ loop: failed })).toEqual([]);
    expect(historyContradictions({ loop: { ...failed, outcome: 'metric-held' } }).length).toBeGreaterThan(0);
    expect(historyContradictions({ loop: { ...held, outcome: 'not-served' } })).toHaveLength(1);
  });

  it('small numbers in words', () => {
    expect(inWords(8)).toBe('eight');
    expect(inWords(0)).toBe('zero');
    expect(inWords(45)).toBe('45');
    expect(inWords(1_000_000)).toBe('1,000,000');
  });
});
