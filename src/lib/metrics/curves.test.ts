import { describe, expect, it } from 'vitest';
import { auc, averagePrecision, ONE_CLASS_AUC, prCurve, rank, rocCurve } from './index.ts';

// Running example: positives score {0.9, 0.8, 0.6, 0.4}, negatives {0.7, 0.4, 0.3, 0.1}.
const P = [0.9, 0.8, 0.7, 0.6, 0.4, 0.4, 0.3, 0.1];
const Y = [1, 1, 0, 1, 1, 0, 0, 0];
const W = [1, 2, 1, 1, 3, 1, 2, 1];

describe('AUC (Mann–Whitney U with ties counted ½)', () => {
  it('unit weights, one tie', () => {
    // Pairs (positive, negative) = 16. 0.9 beats 4; 0.8 beats 4; 0.6 beats 3 (loses to 0.7);
    // 0.4 beats 0.3 and 0.1 and ties 0.4 → 2 + ½. U = 4 + 4 + 3 + 2.5 = 13.5 → AUC = 13.5/16 = 0.84375.
    // sklearn: roc_auc_score(Y, P) = 0.84375
    expect(auc(P, Y).value).toBe(0.84375);
    expect(auc(new Float32Array(P), new Uint8Array(Y)).value).toBe(0.84375);
  });

  it('weighted: each pair counts w₊·w₋', () => {
    // Positive weights 0.9:1, 0.8:2, 0.6:1, 0.4:3 (n₊ = 7); negatives 0.7:1, 0.4:1, 0.3:2, 0.1:1 (n₋ = 5).
    // U = 1·5 + 2·5 + 1·(1+2+1) + 3·(2+1) + 3·1·½ = 5 + 10 + 4 + 9 + 1.5 = 29.5 → AUC = 29.5/35.
    // sklearn: roc_auc_score(Y, P, sample_weight=W) = 0.842857…
    expect(auc(P, Y, W).value).toBeCloseTo(29.5 / 35, 12);
    expect(auc(new Float32Array(P), new Uint8Array(Y), new Float32Array(W)).value).toBeCloseTo(29.5 / 35, 12);
  });

  it('all scores tied → 0.5 (every pair is a tie), which is a real value here', () => {
    expect(auc([0.3, 0.3, 0.3], [1, 0, 0]).value).toBe(0.5);
  });

  it('one class present → undefined with a reason, never 0.5', () => {
    for (const y of [
      [1, 1, 1],
      [0, 0, 0],
    ]) {
      const a = auc([0.2, 0.5, 0.9], y);
      expect(a.value).toBeNaN();
      expect(a.reason).toBe(ONE_CLASS_AUC);
    }
    // Positives present but with zero weight: also one class.
    expect(auc([0.2, 0.5, 0.9], [1, 0, 0], [0, 1, 1]).value).toBeNaN();
    expect(rocCurve([0.2, 0.5], [0, 0]).fpr.length).toBe(0);
  });
});

describe('ROC curve', () => {
  it('one point per distinct score, from (0,0) to (1,1)', () => {
    // thresholds ∞, .9, .8, .7, .6, .4, .3, .1; cumulative (fp, tp): (0,0) (0,1) (0,2) (1,2) (1,3) (2,4) (3,4) (4,4).
    // sklearn: roc_curve(Y, P, drop_intermediate=False)
    const c = rocCurve(P, Y);
    expect(Array.from(c.fpr)).toEqual([0, 0, 0, 0.25, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(c.tpr)).toEqual([0, 0.25, 0.5, 0.5, 0.75, 1, 1, 1]);
    expect(Array.from(c.thresholds)).toEqual([Infinity, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.1]);
    // Trapezoids: 0.25·0.5 + 0.25·(0.75+1)/2 + 0.25·1 + 0.25·1 = 0.84375 = AUC.
    let area = 0;
    for (let k = 1; k < c.fpr.length; k++) {
      area += ((c.fpr[k] as number) - (c.fpr[k - 1] as number)) * (((c.tpr[k] as number) + (c.tpr[k - 1] as number)) / 2);
    }
    expect(area).toBeCloseTo(0.84375, 12);
  });
});

describe('average precision (step-wise, as sklearn average_precision_score)', () => {
  it('unit weights', () => {
    // Recall steps at thresholds with new positives: .9 (P=1/1), .8 (2/2), .6 (3/4), .4 (4/6), each ΔR = 1/4.
    // AP = (1 + 1 + 3/4 + 4/6)/4 = 41/48 = 0.8541666…  sklearn: average_precision_score(Y, P) = 0.854166…
    expect(averagePrecision(P, Y).value).toBeCloseTo(41 / 48, 12);
  });

  it('weighted', () => {
    // n₊ = 7. .9: tp 1 fp 0 (ΔR 1/7, P 1); .8: tp 3 fp 0 (ΔR 2/7, P 1); .6: tp 4 fp 1 (ΔR 1/7, P 4/5);
    // .4: tp 7 fp 2 (ΔR 3/7, P 7/9). AP = (1 + 2 + 4/5 + 3·7/9)/7 = 0.876190…
    // sklearn: average_precision_score(Y, P, sample_weight=W) = 0.8761904…
    expect(averagePrecision(P, Y, W).value).toBeCloseTo((1 + 2 + 4 / 5 + (3 * 7) / 9) / 7, 12);
  });

  it('is 1 for a perfect ranking and the base rate for constant scores', () => {
    expect(averagePrecision([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]).value).toBe(1);
    // One group holding everything: AP = 1 · (2/5).
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0, 0]).value).toBeCloseTo(0.4, 12);
  });

  it('no positives → undefined', () => {
    const ap = averagePrecision([0.1, 0.2], [0, 0]);
    expect(ap.value).toBeNaN();
    expect(ap.reason).toMatch(/no positive labels/);
    expect(prCurve([0.1, 0.2], [0, 0]).recall.length).toBe(0);
  });
});

describe('PR curve', () => {
  it('increasing recall, starting at (0, 1)', () => {
    // sklearn: precision_recall_curve(Y, P) reversed (sklearn lists recall decreasing).
    const c = prCurve(P, Y);
    expect(Array.from(c.recall)).toEqual([0, 0.25, 0.5, 0.5, 0.75, 1, 1, 1]);
    const expected = [1, 1, 1, 2 / 3, 3 / 4, 4 / 6, 4 / 7, 4 / 8];
    c.precision.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
  });
});

describe('rank', () => {
  it('groups distinct scores descending with cumulative weighted counts', () => {
    const r = rank(P, Y, W);
    expect(Array.from(r.scores)).toEqual([0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.1]);
    expect(Array.from(r.tps)).toEqual([1, 3, 3, 4, 7, 7, 7]);
    expect(Array.from(r.fps)).toEqual([0, 0, 1, 1, 2, 4, 5]);
    expect([r.positives, r.negatives, r.n]).toEqual([7, 5, 8]);
  });

  it('radix path (Float32Array) handles 0, −0, 1 and ties like the comparator path', () => {
    const p = new Float32Array([0, -0, 1, 0.5, 1, 0, 0.25, 0.5]);
    const y = new Uint8Array([1, 0, 1, 0, 0, 0, 1, 1]);
    const a = rank(p, y);
    const b = rank(Array.from(p), Array.from(y));
    expect(Array.from(a.scores)).toEqual([1, 0.5, 0.25, 0]);
    expect(Array.from(a.tps)).toEqual(Array.from(b.tps));
    expect(Array.from(a.fps)).toEqual(Array.from(b.fps));
  });
});
