// Plain-TypeScript minibatch logistic regression on Float32Arrays: the speed limit proxy for the
// benchmark and the reference result for the numeric self-check of a tfjs backend.
import type { Matrix } from './model.ts';

/**
 * Weighted-BCE gradient of logistic regression over rows [start, end): writes ∂L/∂w into g
 * (length d) and returns [∂L/∂b, Σ weighted loss, Σ weights]. Gradients are sums, not means.
 */
export function plainGradient(m: Matrix, wt: Float32Array, b: number, start: number, end: number, g: Float32Array): [number, number, number] {
  const { X, d, y, w } = m;
  g.fill(0);
  let gb = 0;
  let loss = 0;
  let wsum = 0;
  for (let i = start; i < end; i++) {
    const row = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += X[row + j]! * wt[j]!;
    const p = 1 / (1 + Math.exp(-z));
    const wi = w[i]!;
    const yi = y[i]!;
    const r = wi * (p - yi);
    for (let j = 0; j < d; j++) g[j] = g[j]! + r * X[row + j]!;
    gb += r;
    loss += wi * (Math.max(z, 0) - z * yi + Math.log1p(Math.exp(-Math.abs(z))));
    wsum += wi;
  }
  return [gb, loss, wsum];
}

/** Result of a plain-TypeScript training run. */
export interface PlainResult {
  weights: Float32Array;
  bias: number;
  examplesPerSec: number;
  millis: number;
}

/** Plain SGD (mean gradient per batch, fixed step) over `epochs` passes in row order. */
export function trainPlainLogreg(m: Matrix, epochs: number, batchSize: number, lr: number, bias0 = 0): PlainResult {
  const wt = new Float32Array(m.d);
  const g = new Float32Array(m.d);
  let b = bias0;
  const t0 = performance.now();
  for (let e = 0; e < epochs; e++) {
    for (let s = 0; s < m.n; s += batchSize) {
      const end = Math.min(m.n, s + batchSize);
      const [gb, , wsum] = plainGradient(m, wt, b, s, end, g);
      const step = lr / Math.max(wsum, 1e-12);
      for (let j = 0; j < m.d; j++) wt[j] = wt[j]! - step * g[j]!;
      b -= step * gb;
    }
  }
  const millis = performance.now() - t0;
  return { weights: wt, bias: b, millis, examplesPerSec: (m.n * epochs) / (millis / 1000) };
}
