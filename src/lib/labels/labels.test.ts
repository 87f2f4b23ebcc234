import { describe, expect, it } from 'vitest';
import { confidentClass, confidentLearning, confidentThresholds, downsampledRate, effectiveKeep, needsRecalibration, precisionAtK, recalibrate, recalibrateAll, sliceTable, topThreshold } from './index.ts';

// A hand-checked confident-learning example (binary, p = probability of class 1):
// labels 0,0,0,1,1,1 with p = .1 .2 .7 .9 .6 .25.
// t_0 = mean(1 − p | y = 0) = (.9 + .8 + .3)/3 = 2/3; t_1 = mean(p | y = 1) = (.9 + .6 + .25)/3 = 0.58333.
// Row by row (cleanlab's compute_confident_joint: a row counts for the class whose probability reaches
// its threshold, the argmax when both do, and not at all when neither does):
//   row 0: 1−p = .9 ≥ 2/3 → 0;  row 1: .8 → 0;  row 2: 1−p = .3 < 2/3, p = .7 ≥ .583 → 1 (given 0: suspect)
//   row 3: p = .9 → 1;  row 4: p = .6 ≥ .583 → 1;  row 5: 1−p = .75 ≥ 2/3, p = .25 < .583 → 0 (given 1: suspect)
// Confident joint [[2, 1], [1, 2]]; suspects by self-confidence (probability of the given label):
// row 5 (.25) before row 2 (.3). cleanlab's find_label_issues(filter_by='confident_learning',
// rank_by='self_confidence') flags the off-diagonal rows of that joint and orders them the same way.
const P = [0.1, 0.2, 0.7, 0.9, 0.6, 0.25];
const Y = [0, 0, 0, 1, 1, 1];

describe('confident learning', () => {
  it('per-class thresholds are the mean probability of the class among rows given it', () => {
    const [t0, t1] = confidentThresholds(P, Y);
    expect(t0).toBeCloseTo(2 / 3, 12);
    expect(t1).toBeCloseTo(1.75 / 3, 12);
  });

  it('the confident joint and the suspects ranked by self-confidence', () => {
    const r = confidentLearning(P, Y);
    expect(r.joint).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(Array.from(r.suspects)).toEqual([5, 2]);
    expect(r.selfConfidence[0]).toBeCloseTo(0.25, 6);
    expect(r.selfConfidence[1]).toBeCloseTo(0.3, 6);
  });

  it('weights count in the thresholds and the joint', () => {
    // Weight 3 on row 0 (p = .1, y = 0): t_0 = (3·.9 + .8 + .3)/5 = 0.76, so row 1 (1−p = .8) still counts as 0.
    const r = confidentLearning(P, Y, [3, 1, 1, 1, 1, 1]);
    expect(r.thresholds[0]).toBeCloseTo(0.76, 12);
    expect(r.joint[0]).toEqual([4, 1]);
  });

  it('a row reaching neither threshold is not counted; both → the more probable class', () => {
    expect(confidentClass(0.5, [0.8, 0.8])).toBe(-1);
    expect(confidentClass(0.7, [0.2, 0.3])).toBe(1);
    expect(confidentClass(0.3, [0.2, 0.3])).toBe(0);
  });

  it('precision at k against the truth', () => {
    // Suspects 5 and 2; truth says row 5 is really 0 (wrong label) and row 2 really 0 (label right).
    expect(precisionAtK([5, 2], Y, [0, 0, 0, 1, 1, 0], 100)).toBe(0.5);
    expect(precisionAtK([], Y, Y, 100)).toBeNaN();
  });
});

describe('recalibration after negative downsampling (He et al. 2014)', () => {
  it('0.1% CTR with w = 0.01 looks like about 10% to the model, and q undoes it', () => {
    // 0.001 / (0.001 + 0.999 · 0.01) = 0.0910 (the paper: "about 10%").
    const p = downsampledRate(0.001, 0.01);
    expect(p).toBeCloseTo(0.0910, 4);
    expect(recalibrate(p, 0.01)).toBeCloseTo(0.001, 12);
  });

  it('w = 1 changes nothing; q is monotone and stays in [0, 1]', () => {
    expect(recalibrate(0.37, 1)).toBeCloseTo(0.37, 12);
    const q = recalibrateAll([0, 0.2, 0.5, 1], 0.001);
    expect(q[0]).toBe(0);
    expect(q[3]).toBe(1);
    expect(q[1]!).toBeLessThan(q[2]!);
    // 0.5 / (0.5 + 0.5/0.001) = 1/1001
    expect(q[2]).toBeCloseTo(1 / 1001, 8);
    expect(() => recalibrate(0.5, 0)).toThrow();
  });

  it('a class weight c multiplies the odds too, and q = p / (p + c(1 − p)/w) undoes both (King & Zeng 2001)', () => {
    // 5 · 0.001 / (5 · 0.001 + 0.999 · 0.01) = 0.005 / 0.01499 = 0.333556
    const p = downsampledRate(0.001, 0.01, 5);
    expect(p).toBeCloseTo(0.333556, 6);
    expect(recalibrate(p, 0.01, 5)).toBeCloseTo(0.001, 12);
    // Upweighted negatives (w = 1 in the formula) with c = 5: 0.5 / (0.5 + 5 · 0.5) = 1/6.
    expect(recalibrate(0.5, 1, 5)).toBeCloseTo(1 / 6, 12);
    expect(recalibrateAll([0.5], 0.001, 1)[0]).toBeCloseTo(1 / 1001, 8);
    expect(() => recalibrate(0.5, 0.1, 0)).toThrow();
    expect(needsRecalibration({ keep: 0.001, upweight: true, positiveWeight: 1 })).toBe(false);
    expect(needsRecalibration({ keep: 0.001, upweight: true, positiveWeight: 5 })).toBe(true);
    expect(needsRecalibration({ keep: 0.001, upweight: false, positiveWeight: 1 })).toBe(true);
    expect(effectiveKeep({ keep: 0.001, upweight: true })).toBe(1);
  });
});

describe('slice error analysis with weights', () => {
  // p, y, w and a slice code per row. At t = 0.6: predicted positive are .9 (y 0, w 1), .8 (y 1), .7 (y 0, w 3),
  // .6 (y 0, w 2) → false positives 1 + 3 + 2 = 6; .1 (y 1, w 1) is a false negative.
  const p = Float32Array.from([0.9, 0.8, 0.7, 0.2, 0.1, 0.6]);
  const y = Uint8Array.from([0, 1, 0, 0, 1, 0]);
  const w = Float32Array.from([1, 2, 3, 1, 1, 2]);
  const fam = { family: 's', names: ['x', 'y'], keys: Uint8Array.from([0, 0, 1, 1, 1, 0]) };

  it('error rate, false-positive share, rate and mean prediction per slice, worst first', () => {
    const rows = sliceTable(p, y, w, [fam], 0.6);
    // y: rows 2,3,4, Σw 5, fp 3 + fn 1 → 0.8, share 3/6; positive rate 1/5; mean p (2.1 + .2 + .1)/5 = 0.48.
    // x: rows 0,1,5, Σw 5, fp 1 + 2 = 3 → 0.6, share 3/6; positive rate 2/5; mean p (.9 + 1.6 + 1.2)/5 = 0.74.
    expect(rows.map((r) => r.slice)).toEqual(['s:y', 's:x']);
    expect(rows[0]!.errorRate).toBeCloseTo(0.8, 6);
    expect(rows[0]!.fpShare).toBeCloseTo(0.5, 6);
    expect(rows[0]!.positiveRate).toBeCloseTo(0.2, 6);
    expect(rows[0]!.meanPrediction).toBeCloseTo(0.48, 6);
    expect(rows[1]!.errorRate).toBeCloseTo(0.6, 6);
    expect(rows[1]!.meanPrediction).toBeCloseTo(0.74, 6);
  });

  it('the top-share threshold counts weight, not rows', () => {
    // Σw = 10; half of it: .9 (1) + .8 (2) + .7 (3) reaches 6 ≥ 5 → threshold 0.7.
    expect(topThreshold(p, w, 0.5)).toBeCloseTo(0.7, 6);
  });
});
