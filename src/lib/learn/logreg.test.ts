import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { predictLogReg, trainLogReg } from './logreg.ts';

/** Rows from a known logistic model: logit = bias + Σ w_j x_j, x ~ N(0, 1). */
function synthetic(n: number, w: number[], bias: number, seed: string) {
  const rng = new Rng(seed);
  const d = w.length;
  const X = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = bias;
    for (let j = 0; j < d; j++) {
      const x = rng.normal();
      X[i * d + j] = x;
      z += (w[j] as number) * x;
    }
    y[i] = rng.uniform() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X, y, d };
}

describe('trainLogReg', () => {
  it('recovers the weights of a known model', () => {
    const truth = [1.5, -2, 0.5, 0];
    const { X, y, d } = synthetic(40_000, truth, -1, 'lr');
    const m = trainLogReg(X, y, new Float32Array(y.length).fill(1), d, { epochs: 8, learningRate: 0.02 });
    for (let j = 0; j < d; j++) expect(m.weights[j]).toBeCloseTo(truth[j] as number, 0);
    expect(m.bias).toBeCloseTo(-1, 0);
    expect(m.losses[m.losses.length - 1]).toBeLessThan(m.losses[0] as number);
    expect(m.examplesPerSec).toBeGreaterThan(0);
  });

  it('starts the bias at the log-odds of the weighted base rate', () => {
    const { X, y, d } = synthetic(1000, [0], -3, 'base');
    const w = new Float32Array(y.length).fill(2);
    const m = trainLogReg(X, y, w, d, { epochs: 0 });
    const rate = y.reduce((s, v) => s + v, 0) / y.length;
    expect(m.bias).toBeCloseTo(Math.log(rate / (1 - rate)), 6);
  });

  it('stays calibrated with example weights (weighted mean prediction = weighted base rate)', () => {
    const { X, y, d } = synthetic(20_000, [1, -1], -2, 'cal');
    const w = Float32Array.from(y, (v, i) => (v === 1 ? 1 : 1 + (i % 3)));
    const m = trainLogReg(X, y, w, d, { epochs: 15 });
    const p = predictLogReg(m, X);
    let sp = 0;
    let sy = 0;
    let sw = 0;
    for (let i = 0; i < y.length; i++) {
      sp += (w[i] as number) * (p[i] as number);
      sy += (w[i] as number) * (y[i] as number);
      sw += w[i] as number;
    }
    expect(sp / sw / (sy / sw)).toBeCloseTo(1, 1);
  });

  it('is deterministic for a seed and rejects mismatched shapes', () => {
    const { X, y, d } = synthetic(2000, [1], 0, 'det');
    const w = new Float32Array(y.length).fill(1);
    expect(trainLogReg(X, y, w, d, { epochs: 2 }).weights).toEqual(trainLogReg(X, y, w, d, { epochs: 2 }).weights);
    expect(() => trainLogReg(X, y, w, d + 1)).toThrow();
  });
});
