// Logistic regression on sparse rows with a hand-derived gradient: the logit is an embedding-bag
// (gathered weights of a row's slots + numerics · v + b), the gradient a scatter-add of the weighted
// residual s⊙(p − y) over the same slots, computed by tfjs in one tidy per batch (no autograd) and
// applied by Adam on plain arrays of d + 1 numbers. The loss is computed on every LOSS_EVERY-th batch only.
import { tf } from './tf.ts';
import type { Matrix, ModelWeights } from './model.ts';
import type { Stepper } from './stepper.ts';
import { weightedBceSum } from './train-mlp.ts';
import { batchTensors, embedBag, slotsByColumn } from './embed.ts';

/** Adam hyper-parameters (Kingma & Ba defaults). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Batches between two loss computations (the loss ops cost ~15% of a step; the gradient needs none). */
export const LOSS_EVERY = 4;

/**
 * Returns [∇w (d), ∇b, Σ weighted loss] for one batch, as sums over its rows; the loss is NaN unless
 * `withLoss`. The slots' gradient is a scatter-add of the residual (a SparseSegmentSum over the slots
 * sorted by column), the numerics' a residual · numerics product. Read back asynchronously: WebGPU's
 * synchronous read returns zeros in a worker.
 */
export async function logregBatchGradient(batch: Matrix, wt: Float32Array, b: number, withLoss = true): Promise<Float32Array> {
  const { n, d } = batch;
  const { k, q, numCols } = batch.x;
  const out = tf.tidy(() => {
    const x = batchTensors(batch.x);
    const y = tf.tensor2d(batch.y, [n, 1]);
    const sw = tf.tensor2d(batch.w, [n, 1]);
    const z = tf.add(embedBag(tf.tensor2d(wt, [d, 1]), x), tf.scalar(b));
    const r = tf.mul(tf.sub(tf.sigmoid(z), y), sw) as tf.Tensor2D;
    const parts: tf.Tensor[] = [];
    if (k > 0) {
      // The slots' gradient: the residuals summed per column (slots sorted by column, one segment each).
      const { rows, cols } = slotsByColumn(batch.x);
      const sums = tf.sparse.sparseSegmentSum(tf.reshape(r, [n]), tf.tensor1d(rows, 'int32'), tf.tensor1d(cols, 'int32'));
      parts.push(sums.shape[0] < d + 1 ? tf.pad(sums, [[0, d + 1 - sums.shape[0]]]) : sums);
    } else parts.push(tf.zeros([d + 1]));
    if (x.num) parts.push(tf.reshape(tf.matMul(tf.transpose(r), x.num), [q]));
    parts.push(tf.reshape(tf.sum(r), [1]), withLoss ? tf.reshape(weightedBceSum(z, y, sw), [1]) : tf.tensor1d([NaN]));
    return tf.concat(parts);
  });
  try {
    const raw = (await out.data()) as Float32Array;
    // [slots' counts (d + 1, the last is padding), numerics (q), ∇b, loss] → [∇w (d), ∇b, loss].
    const g = new Float32Array(d + 2);
    g.set(raw.subarray(0, d));
    for (let j = 0; j < q; j++) g[numCols[j]!]! += raw[d + 1 + j]!;
    g[d] = raw[d + 1 + q]!;
    g[d + 1] = raw[d + 2 + q]!;
    return g;
  } finally {
    out.dispose();
  }
}

/** A logistic-regression stepper whose parameters and Adam moments live in plain arrays. */
export function logregStepper(init: ModelWeights): Stepper {
  const layer = init.layers[0]!;
  const d = layer.inDim;
  const theta = new Float32Array(d + 1);
  theta.set(layer.W);
  theta[d] = layer.b[0]!;
  const m1 = new Float32Array(d + 1);
  const m2 = new Float32Array(d + 1);
  let t = 0;
  return {
    async step(batch, wsum, lr) {
      const g = await logregBatchGradient(batch, theta.subarray(0, d), theta[d]!, t % LOSS_EVERY === 0);
      t++;
      const c1 = 1 - BETA1 ** t;
      const c2 = 1 - BETA2 ** t;
      for (let j = 0; j <= d; j++) {
        const gj = g[j]! / wsum;
        m1[j] = BETA1 * m1[j]! + (1 - BETA1) * gj;
        m2[j] = BETA2 * m2[j]! + (1 - BETA2) * gj * gj;
        theta[j] = theta[j]! - (lr * (m1[j]! / c1)) / (Math.sqrt(m2[j]! / c2) + EPS);
      }
      return g[d + 1]!;
    },
    async snapshot() {
      return { kind: 'logreg', layers: [{ inDim: d, outDim: 1, W: theta.slice(0, d), b: Float32Array.of(theta[d]!) }] };
    },
    dispose() {},
  };
}
