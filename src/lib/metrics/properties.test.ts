// Property tests on seeded random data (sfc32 from src/lib/rng.ts; never Math.random).
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  auc,
  averagePrecision,
  calibrationRatio,
  confusionAt,
  confusionTable,
  logLoss,
  normalizedEntropy,
  precision,
  rank,
  recall,
  reliabilityBins,
} from './index.ts';
import { repeatRows, seeded } from './testing.ts';

/** n rows whose score rises with the label plus noise, quantised to `levels` values so ties occur. */
function dataset(seed: number, n: number, levels = 0) {
  const rnd = seeded(seed);
  const pred = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rnd() < 0.3 ? 1 : 0;
    let p = Math.min(1, Math.max(0, 0.35 * (labels[i] as number) + 0.65 * rnd()));
    if (levels > 0) p = Math.round(p * levels) / levels;
    pred[i] = p;
  }
  return { pred, labels, rnd };
}

/** Brute-force Mann–Whitney: Σ over all (positive, negative) pairs of w₊w₋·[1 if s₊ > s₋, ½ if tied]. */
function bruteAuc(pred: ArrayLike<number>, labels: ArrayLike<number>, w: ArrayLike<number>): number {
  let u = 0;
  let np = 0;
  let nn = 0;
  for (let i = 0; i < pred.length; i++) {
    if (labels[i] === 1) np += w[i] as number;
    else nn += w[i] as number;
  }
  for (let i = 0; i < pred.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < pred.length; j++) {
      if (labels[j] !== 0) continue;
      const d = (pred[i] as number) - (pred[j] as number);
      u += (w[i] as number) * (w[j] as number) * (d > 0 ? 1 : d === 0 ? 0.5 : 0);
    }
  }
  return u / (np * nn);
}

describe('AUC properties', () => {
  it('equals brute-force pairwise Mann–Whitney with ties and weights', () => {
    for (const seed of [1, 2, 3]) {
      const { pred, labels, rnd } = dataset(seed, 400, 10);
      const w = Float64Array.from(pred, () => rnd() * 3);
      expect(auc(pred, labels, w).value).toBeCloseTo(bruteAuc(pred, labels, w), 12);
      expect(auc(pred, labels).value).toBeCloseTo(bruteAuc(pred, labels, new Float64Array(pred.length).fill(1)), 12);
    }
  });

  it('perfect ranking → 1, reversed → 0', () => {
    const { pred, labels } = dataset(4, 1000);
    const perfect = Float64Array.from(pred, (p, i) => (labels[i] === 1 ? 0.5 + p / 2 : p / 2.1));
    expect(auc(perfect, labels).value).toBe(1);
    expect(averagePrecision(perfect, labels).value).toBe(1);
    const reversed = Float64Array.from(perfect, (p) => 1 - p);
    expect(auc(reversed, labels).value).toBe(0);
  });

  it('is invariant to strictly monotone transforms (ranking only, He et al. 2014)', () => {
    const { pred, labels } = dataset(5, 2000, 50);
    const base = auc(pred, labels).value;
    const transforms = [(p: number) => p ** 3, (p: number) => Math.sqrt(p) / 7, (p: number) => 1 / (1 + Math.exp(-10 * (p - 0.5)))];
    for (const f of transforms) {
      expect(auc(Float64Array.from(pred, f), labels).value).toBeCloseTo(base, 12);
      expect(averagePrecision(Float64Array.from(pred, f), labels).value).toBeCloseTo(averagePrecision(pred, labels).value, 12);
    }
  });

  it('flipping labels gives 1 − AUC', () => {
    const { pred, labels } = dataset(6, 500, 20);
    const flipped = Uint8Array.from(labels, (y) => 1 - y);
    expect(auc(pred, flipped).value).toBeCloseTo(1 - auc(pred, labels).value, 12);
  });

  it('radix sort orders float32 scores over the whole range (1e-40 … 1, every digit pass used)', () => {
    const rnd = seeded(13);
    const n = 20_000;
    const p = Float32Array.from({ length: n }, () => (rnd() < 0.05 ? 0 : rnd() < 0.05 ? 1 : 10 ** (-40 * rnd())));
    const y = Uint8Array.from(p, () => (rnd() < 0.5 ? 1 : 0));
    const a = rank(p, y);
    const b = rank(Array.from(p), Array.from(y));
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
    expect(Array.from(a.tps)).toEqual(Array.from(b.tps));
    for (let k = 1; k < a.scores.length; k++) expect(a.scores[k] as number).toBeLessThan(a.scores[k - 1] as number);
  });

  it('Float32Array (radix sort) and number[] (comparator sort) agree on the same values', () => {
    const { pred, labels, rnd } = dataset(7, 5000, 200);
    const f32 = Float32Array.from(pred);
    const w = Float32Array.from(pred, () => Math.floor(rnd() * 4));
    const a = rank(f32, labels, w);
    const b = rank(Array.from(f32), Array.from(labels), Array.from(w));
    expect(Array.from(a.scores)).toEqual(Array.from(b.scores));
    expect(Array.from(a.tps)).toEqual(Array.from(b.tps));
    expect(Array.from(a.fps)).toEqual(Array.from(b.fps));
  });
});

describe('a weighted set equals the same set with rows repeated by their integer weights', () => {
  const { pred, labels, rnd } = dataset(8, 600, 25);
  const w = Float64Array.from(pred, () => Math.floor(rnd() * 4)); // 0…3, zero drops the row
  const rep = repeatRows(pred, labels, w);
  const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 10);

  it('AUC, AP', () => {
    close(auc(pred, labels, w).value, auc(rep.pred, rep.labels).value);
    close(averagePrecision(pred, labels, w).value, averagePrecision(rep.pred, rep.labels).value);
  });

  it('log loss, NE, calibration', () => {
    close(logLoss(pred, labels, w).value, logLoss(rep.pred, rep.labels).value);
    close(normalizedEntropy(pred, labels, w).value, normalizedEntropy(rep.pred, rep.labels).value);
    close(calibrationRatio(pred, labels, w).value, calibrationRatio(rep.pred, rep.labels).value);
  });

  it('accuracy, precision, recall at several thresholds', () => {
    for (const t of [0.2, 0.5, 0.8]) {
      close(accuracy(pred, labels, w, t).value, accuracy(rep.pred, rep.labels, undefined, t).value);
      close(precision(pred, labels, w, t).value, precision(rep.pred, rep.labels, undefined, t).value);
      close(recall(pred, labels, w, t).value, recall(rep.pred, rep.labels, undefined, t).value);
    }
  });

  it('reliability bins (both strategies) and the confusion table', () => {
    for (const strategy of ['uniform', 'quantile'] as const) {
      const a = reliabilityBins(pred, labels, w, { bins: 8, strategy });
      const b = reliabilityBins(rep.pred, rep.labels, undefined, { bins: 8, strategy });
      expect(a.length).toBe(b.length);
      a.forEach((bin, i) => {
        close(bin.meanPredicted, b[i]?.meanPredicted as number);
        close(bin.observedRate, b[i]?.observedRate as number);
        close(bin.weight, b[i]?.weight as number);
      });
    }
    expect(confusionTable(pred, labels, w, [0.1, 0.5])).toEqual(confusionTable(rep.pred, rep.labels, undefined, [0.1, 0.5]));
  });
});

describe('NE and calibration properties', () => {
  it('NE of predicting the (weighted) base rate is 1, calibration 1', () => {
    for (const seed of [9, 10]) {
      const { labels, rnd } = dataset(seed, 3000);
      const w = Float64Array.from(labels, () => 0.5 + rnd() * 4);
      let pos = 0;
      let tot = 0;
      labels.forEach((y, i) => {
        tot += w[i] as number;
        pos += y * (w[i] as number);
      });
      const base = new Float64Array(labels.length).fill(pos / tot);
      expect(normalizedEntropy(base, labels, w).value).toBeCloseTo(1, 10);
      expect(calibrationRatio(base, labels, w).value).toBeCloseTo(1, 10);
    }
  });

  it('scaling every prediction changes NE and calibration but not AUC', () => {
    const { pred, labels } = dataset(11, 1000, 40);
    const half = Float64Array.from(pred, (p) => p / 2);
    expect(auc(half, labels).value).toBeCloseTo(auc(pred, labels).value, 12);
    expect(calibrationRatio(half, labels).value).toBeCloseTo(calibrationRatio(pred, labels).value / 2, 12);
    expect(normalizedEntropy(half, labels).value).not.toBeCloseTo(normalizedEntropy(pred, labels).value, 3);
  });
});

describe('confusion table', () => {
  it('equals confusionAt at every threshold (one sort vs. one pass per threshold)', () => {
    const { pred, labels, rnd } = dataset(12, 2000, 30);
    const w = Float64Array.from(pred, () => rnd() * 2);
    const ts = [0, 1e-6, 0.1, 0.2, 0.3333, 0.5, 0.9, 1, 1.5];
    const table = confusionTable(pred, labels, w, ts);
    ts.forEach((t, j) => {
      const c = confusionAt(pred, labels, w, t);
      const row = table[j];
      expect(row?.threshold).toBe(t);
      for (const k of ['tp', 'fp', 'tn', 'fn'] as const) expect(row?.[k]).toBeCloseTo(c[k], 9);
    });
  });
});
