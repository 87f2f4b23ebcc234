// Weighted logistic regression in plain TypeScript on a dense row-major Float32Array matrix:
// mini-batch Adam with a seeded shuffle, a learning rate decayed geometrically to a fraction of
// its start, L2 on the weights (not the bias), and the bias initialised at the log-odds of the
// weighted base rate so that rare labels start calibrated. No allocation in the inner loops.
import { Rng } from '../rng.ts';

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
  /** Training throughput (rows per second, all epochs). */
  examplesPerSec: number;
}

/** Trains on rows X (n × nFeatures, row-major), labels y (0/1) and example weights w. */
export function trainLogReg(
  X: Float32Array,
  y: Uint8Array | Float32Array,
  w: Float32Array,
  nFeatures: number,
  opts: LogRegOptions = {},
): LogRegModel {
  const n = y.length;
  const d = nFeatures;
  if (X.length !== n * d) throw new Error(`X has ${X.length} values, expected ${n} × ${d}`);
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
      let gb = 0;
      for (let k = start; k < end; k++) {
        const r = order[k] as number;
        const off = r * d;
        let z = bias;
        for (let j = 0; j < d; j++) z += (X[off + j] as number) * (weights[j] as number);
        const yi = y[r] as number;
        const wi = w[r] as number;
        // One exponential gives both the loss softplus(z) − y·z and the probability sigmoid(z).
        const e = Math.exp(-Math.abs(z));
        lossSum += wi * ((z > 0 ? z : 0) + Math.log1p(e) - yi * z);
        const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        const res = wi * (p - yi);
        if (res === 0) continue;
        for (let j = 0; j < d; j++) g[j] = (g[j] as number) + res * (X[off + j] as number);
        gb += res;
      }
      const scale = 1 / ((end - start) * meanW);
      step++;
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
  return { nFeatures: d, weights, bias, losses, steps: step, examplesPerSec: secs > 0 ? (losses.length * n) / secs : Infinity };
}

/** Predicted probabilities for rows X (n × nFeatures), written into `out` if given. */
export function predictLogReg(model: LogRegModel, X: Float32Array, out?: Float32Array): Float32Array {
  const d = model.nFeatures;
  const n = Math.floor(X.length / d);
  const res = out ?? new Float32Array(n);
  const wts = model.weights;
  for (let i = 0; i < n; i++) {
    const off = i * d;
    let z = model.bias;
    for (let j = 0; j < d; j++) z += (X[off + j] as number) * (wts[j] as number);
    res[i] = 1 / (1 + Math.exp(-z));
  }
  return res;
}
