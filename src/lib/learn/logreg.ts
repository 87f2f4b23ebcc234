// The reference weighted logistic regression in plain TypeScript, on sparse feature rows (a dense
// Float32Array is accepted too and read as rows of numerics, without a copy): mini-batch Adam with a
// seeded shuffle, a learning rate decayed geometrically to a fraction of its start, L2 on the
// weights (not the bias), and the bias initialised at the log-odds of the weighted base rate so that
// rare labels start calibrated. The story tests, the business models and the tfjs self-check use
// this one; the bench's plain-TypeScript baseline uses its gradient (logreg-step.ts). No allocation in the inner loops.
import { Rng } from '../rng.ts';
import { fromDense, type SparseRows } from '../features/sparse.ts';

/** Training knobs (all optional). */
export interface LogRegOptions {
  /** Passes over the data (default 10). */
  epochs?: number;
  /** Rows per update (default 256). */
  batchSize?: number;
  /** Adam step size at the start (default 0.02). */
  learningRate?: number;
  /** Step size at the end as a fraction of the start (default 0.05; geometric decay per step). */
  finalLearningRateFraction?: number;
  /** L2 penalty on the weights, per unit of mean example weight (default 1e-6). */
  l2?: number;
  /** Seed of the shuffle (default 'logreg'). */
  seed?: string;
  /** Called after each epoch with the epoch's mean weighted log loss; return false to stop early. */
  onEpoch?: (epoch: number, loss: number) => boolean | void;
}

/** A trained model. */
export interface LogRegModel {
  nFeatures: number;
  weights: Float32Array;
  bias: number;
  /** Mean weighted log loss of each epoch (measured on each batch before its update). */
  losses: number[];
  /** Adam updates made. */
  steps: number;
  /** Rows seen by the updates. */
  examples: number;
  /** Training throughput (rows per second, all epochs). */
  examplesPerSec: number;
}

/** Feature rows: sparse, or dense row-major with nFeatures columns. */
export type LogRegInput = SparseRows | Float32Array;

function asSparse(X: LogRegInput, d: number): SparseRows {
  return X instanceof Float32Array ? fromDense(X, d) : X;
}

/** The logit of row r: bias + Σ weights of its slots + Σ numerics × their weights. */
export function logitOf(x: SparseRows, weights: Float32Array, bias: number, r: number): number {
  const { k, q, idx, num, numCols, d } = x;
  let z = bias;
  for (let s = r * k, e = s + k; s < e; s++) {
    const c = idx[s] as number;
    if (c < d) z += weights[c] as number;
  }
  for (let j = 0, o = r * q; j < q; j++) z += (num[o + j] as number) * (weights[numCols[j] as number] as number);
  return z;
}

/**
 * Adds the weighted-BCE gradient of the rows order[start … end) (or rows start … end when order is
 * null) into g (length d, a scatter-add over each row's slots); returns [∂/∂bias, Σ weighted loss], the
 * loss NaN unless `withLoss`.
 */
export function addGradient(x: SparseRows, y: ArrayLike<number>, w: ArrayLike<number>, weights: Float32Array, bias: number, order: Uint32Array | null, start: number, end: number, g: Float64Array | Float32Array, withLoss = true): [number, number] {
  const { k, q, idx, num, numCols, d } = x;
  let gb = 0;
  let loss = 0;
  for (let t = start; t < end; t++) {
    const r = order === null ? t : (order[t] as number);
    const z = logitOf(x, weights, bias, r);
    const yi = y[r] as number;
    const wi = w[r] as number;
    // One exponential gives both the loss softplus(z) − y·z and the probability sigmoid(z).
    const e = Math.exp(-Math.abs(z));
    if (withLoss) loss += wi * ((z > 0 ? z : 0) + Math.log1p(e) - yi * z);
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const res = wi * (p - yi);
    if (res === 0) continue;
    for (let s = r * k, e2 = s + k; s < e2; s++) {
      const c = idx[s] as number;
      if (c < d) g[c] = (g[c] as number) + res;
    }
    for (let j = 0, o = r * q; j < q; j++) {
      const c = numCols[j] as number;
      g[c] = (g[c] as number) + res * (num[o + j] as number);
    }
    gb += res;
  }
  return [gb, withLoss ? loss : NaN];
}

/** Trains on rows X (sparse, or n × nFeatures dense), labels y (0/1) and example weights w. */
export function trainLogReg(X: LogRegInput, y: Uint8Array | Float32Array, w: Float32Array, nFeatures: number, opts: LogRegOptions = {}): LogRegModel {
  const n = y.length;
  const d = nFeatures;
  if (X instanceof Float32Array && X.length !== n * d) throw new Error(`X has ${X.length} values, expected ${n} × ${d}`);
  const x = asSparse(X, d);
  if (x.n !== n || x.d !== d) throw new Error(`X has ${x.n} rows of ${x.d} columns, expected ${n} × ${d}`);
  if (w.length !== n) throw new Error(`w has ${w.length} values, expected ${n}`);
  const epochs = opts.epochs ?? 10;
  const batch = Math.max(1, Math.min(n, opts.batchSize ?? 256));
  const lr0 = opts.learningRate ?? 0.02;
  const finalFrac = opts.finalLearningRateFraction ?? 0.05;
  const l2 = opts.l2 ?? 1e-6;
  const rng = new Rng(opts.seed ?? 'logreg');

  let sumW = 0;
  let sumWY = 0;
  for (let i = 0; i < n; i++) {
    sumW += w[i] as number;
    sumWY += (w[i] as number) * (y[i] as number);
  }
  const meanW = n > 0 ? sumW / n : 1;
  const base = sumW > 0 ? Math.min(1 - 1e-9, Math.max(1e-9, sumWY / sumW)) : 0.5;

  const weights = new Float32Array(d);
  let bias = Math.log(base / (1 - base));
  const g = new Float64Array(d);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  let mb = 0;
  let vb = 0;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const stepsPerEpoch = Math.ceil(n / batch);
  const totalSteps = Math.max(1, epochs * stepsPerEpoch);
  const decay = Math.pow(finalFrac, 1 / totalSteps);
  let lr = lr0;
  let step = 0;
  let examples = 0;
  let b1t = 1;
  let b2t = 1;
  const losses: number[] = [];
  const t0 = performance.now();

  for (let epoch = 0; epoch < epochs; epoch++) {
    rng.shuffle(order);
    let lossSum = 0;
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(n, start + batch);
      g.fill(0);
      const [gb, loss] = addGradient(x, y, w, weights, bias, order, start, end, g);
      lossSum += loss;
      const scale = 1 / ((end - start) * meanW);
      step++;
      examples += end - start;
      b1t *= beta1;
      b2t *= beta2;
      const a = (lr * Math.sqrt(1 - b2t)) / (1 - b1t);
      for (let j = 0; j < d; j++) {
        const gj = (g[j] as number) * scale + l2 * (weights[j] as number);
        const mj = beta1 * (m[j] as number) + (1 - beta1) * gj;
        const vj = beta2 * (v[j] as number) + (1 - beta2) * gj * gj;
        m[j] = mj;
        v[j] = vj;
        weights[j] = (weights[j] as number) - (a * mj) / (Math.sqrt(vj) + eps);
      }
      const gbs = gb * scale;
      mb = beta1 * mb + (1 - beta1) * gbs;
      vb = beta2 * vb + (1 - beta2) * gbs * gbs;
      bias -= (a * mb) / (Math.sqrt(vb) + eps);
      lr *= decay;
    }
    const loss = sumW > 0 ? lossSum / sumW : NaN;
    losses.push(loss);
    if (opts.onEpoch?.(epoch, loss) === false) break;
  }
  const secs = (performance.now() - t0) / 1000;
  return { nFeatures: d, weights, bias, losses, steps: step, examples, examplesPerSec: secs > 0 ? examples / secs : Infinity };
}

/** Predicted probabilities for rows X (sparse, or dense n × nFeatures), written into `out` if given. */
export function predictLogReg(model: LogRegModel, X: LogRegInput, out?: Float32Array): Float32Array {
  const x = asSparse(X, model.nFeatures);
  const res = out ?? new Float32Array(x.n);
  for (let i = 0; i < x.n; i++) res[i] = 1 / (1 + Math.exp(-logitOf(x, model.weights, model.bias, i)));
  return res;
}
