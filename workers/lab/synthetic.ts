// Seeded synthetic classification sets for tests, the self-check and the benchmark, in sparse form.
import type { Matrix } from './model.ts';
import { sliceSparse } from '../../src/lib/features/sparse.ts';
import { streamFor } from '../../src/lib/rng.ts';

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

/**
 * Rows whose labels follow a logistic model: even columns are gaussian numerics, odd columns 0/1
 * flags (on with probability 0.3) stored as slots (a slot per flag, padding when off).
 */
export function syntheticMatrix(o: SyntheticOptions): Matrix {
  const { n, d, seed } = o;
  const rand = streamFor(seed, 'synthetic');
  const signal = o.signal ?? 1;
  const intercept = o.intercept ?? -1;
  const trueW = new Float32Array(d);
  for (let j = 0; j < d; j++) trueW[j] = (rand.normal() * signal) / Math.sqrt(d / 4);
  const q = Math.ceil(d / 2);
  const k = Math.floor(d / 2);
  const num = new Float32Array(n * q);
  const idx = new Int32Array(n * k).fill(d);
  const y = new Float32Array(n);
  const w = new Float32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    let z = intercept;
    let x0 = 0;
    let x1 = 0;
    for (let j = 0; j < d; j++) {
      const v = j % 2 === 0 ? rand.normal() : rand.uniform() < 0.3 ? 1 : 0;
      if (j % 2 === 0) num[i * q + j / 2] = v;
      else if (v) idx[i * k + (j - 1) / 2] = j;
      if (j === 0) x0 = v;
      if (j === 1) x1 = v;
      z += v * trueW[j]!;
    }
    if (o.interaction && d >= 2) z += o.interaction * x0 * (x1 - 0.3);
    y[i] = rand.uniform() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const numCols = Int32Array.from({ length: q }, (_, j) => 2 * j);
  return { x: { n, d, k, idx, q, num, numCols }, n, d, y, w };
}

/** Rows [start, end) of a set as a view (no copy). */
export function sliceRows(m: Matrix, start: number, end: number): Matrix {
  return { x: sliceSparse(m.x, start, end), n: end - start, d: m.d, y: m.y.subarray(start, end), w: m.w.subarray(start, end) };
}
