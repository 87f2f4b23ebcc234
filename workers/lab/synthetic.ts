// Seeded synthetic classification matrices for tests, the self-check and the benchmark.
import type { Matrix } from './model.ts';
import { normal, rngFor } from './rng.ts';

/** Options of a synthetic logistic world. */
export interface SyntheticOptions {
  n: number;
  d: number;
  seed: string;
  /** Intercept of the true logistic model: sets the base rate (−2 ≈ 15% positives). */
  intercept?: number;
  /** Scale of the true weights (signal strength). */
  signal?: number;
  /** If > 0, a hidden interaction term that only a non-linear model can use. */
  interaction?: number;
}

/** A matrix whose labels follow a logistic model on half-gaussian, half-binary features. */
export function syntheticMatrix(o: SyntheticOptions): Matrix {
  const { n, d, seed } = o;
  const rand = rngFor(seed, 'synthetic');
  const signal = o.signal ?? 1;
  const intercept = o.intercept ?? -1;
  const trueW = new Float32Array(d);
  for (let j = 0; j < d; j++) trueW[j] = (normal(rand) * signal) / Math.sqrt(d / 4);
  const X = new Float32Array(n * d);
  const y = new Float32Array(n);
  const w = new Float32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    let z = intercept;
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = j % 2 === 0 ? normal(rand) : rand() < 0.3 ? 1 : 0;
      X[row + j] = v;
      z += v * trueW[j]!;
    }
    if (o.interaction && d >= 2) z += o.interaction * X[row]! * (X[row + 1]! - 0.3);
    y[i] = rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { X, n, d, y, w };
}

/** Rows [start, end) of a matrix as a view (no copy). */
export function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return {
    X: m.X.subarray(start * m.d, end * m.d),
    n: end - start,
    d: m.d,
    y: m.y.subarray(start, end),
    w: m.w.subarray(start, end),
  };
}
