// Logistic regression on sparse rows with a hand-derived gradient: the logit is an embedding-bag
// (gathered weights of a row's slots + numerics · v + b), the gradient a scatter-add of the weighted
// residual s⊙(p − y) over the same slots, computed by tfjs in one tidy per batch (no autograd) and
// applied by Adam on plain arrays of d + 1 numbers. The loss is computed on every LOSS_EVERY-th batch only.
import { tf } from './tf.ts';
import type { Matrix, ModelWeights } from './model.ts';
import type { Stepper } from './stepper.ts';
import { weightedBceSum } from './train-mlp.ts';
import { sortSlots, type SortedSlots } from './slot-plan.ts';
import { rowSegments } from './embed.ts';

/** Adam hyper-parameters (Kingma & Ba defaults). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Batches between two loss computations (the loss ops cost ~15% of a step; the gradient needs none). */
export const LOSS_EVERY = 4;

/**
 * Returns [∇w (d), ∇b, Σ weighted loss] for one batch, as sums over its rows; the loss is NaN unless
 * `withLoss`. The slots' gradient is a scatter-add of the residual (a SparseSegmentSum over the slots
 * sorted by column), the numerics' a residual · numerics product. Few ops per batch, because at small
 * batches each op's fixed cost dominates: the weights go up already padded with the padding row's
 * zero and split into slot and numeric parts (no concat, no gather), the gradient's parts come back
 * in one concat with the slot sums last (no pad). Read back asynchronously: WebGPU's synchronous
 * read returns zeros in a worker.
 */
export async function logregBatchGradient(batch: Matrix, wt: Float32Array, b: number, withLoss = true, slots?: SortedSlots): Promise<Float32Array> {
  const { n, d } = batch;
  const { k, q, numCols, idx, num } = batch.x;
  const { rows, cols } = slots ?? sortSlots(batch.x);
  const wSlots = new Float32Array(d + 1);
  wSlots.set(wt.subarray(0, d));
  const wNum = new Float32Array(q);
  for (let j = 0; j < q; j++) {
    wNum[j] = wt[numCols[j]!]!;
    wSlots[numCols[j]!] = 0; // a numeric column is never a slot
  }
  const out = tf.tidy(() => {
    const y = tf.tensor2d(batch.y, [n, 1]);
    const sw = tf.tensor2d(batch.w, [n, 1]);
    const xNum = q > 0 ? tf.tensor2d(num, [n, q]) : null;
    let z: tf.Tensor2D = tf.fill([n, 1], b) as tf.Tensor2D;
    if (k > 0) z = tf.add(z, tf.sparse.sparseSegmentSum(tf.tensor2d(wSlots, [d + 1, 1]), tf.tensor1d(idx, 'int32'), tf.tensor1d(rowSegments(n, k), 'int32')));
    if (xNum) z = tf.add(z, tf.matMul(xNum, tf.tensor2d(wNum, [q, 1])));
    const r = tf.mul(tf.sub(tf.sigmoid(z), y), sw) as tf.Tensor2D;
    // [numerics (q), ∇b, loss?, slot sums (up to the largest column present)].
    const parts: tf.Tensor[] = [];
    if (xNum) parts.push(tf.reshape(tf.matMul(r, xNum, true, false), [q]));
    parts.push(tf.reshape(tf.sum(r), [1]));
    if (withLoss) parts.push(tf.reshape(weightedBceSum(z, y, sw), [1]));
    if (rows.length > 0) parts.push(tf.sparse.sparseSegmentSum(tf.reshape(r, [n]), tf.tensor1d(rows, 'int32'), tf.tensor1d(cols, 'int32')));
    return tf.concat(parts);
  });
  try {
    const raw = (await out.data()) as Float32Array;
    // → [∇w (d), ∇b, loss].
    const g = new Float32Array(d + 2);
    const head = q + 1 + (withLoss ? 1 : 0);
    g.set(raw.subarray(head, Math.min(raw.length, head + d)));
    for (let j = 0; j < q; j++) g[numCols[j]!]! += raw[j]!;
    g[d] = raw[q]!;
    g[d + 1] = withLoss ? raw[q + 1]! : NaN;
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
    async step(batch, wsum, lr, slots) {
      const g = await logregBatchGradient(batch, theta.subarray(0, d), theta[d]!, t % LOSS_EVERY === 0, slots);
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
