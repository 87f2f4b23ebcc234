// Logistic regression on sparse rows with a hand-derived gradient: the logit is an embedding-bag
// (gathered weights of a row's slots + numerics · v + b), the gradient a scatter-add of the weighted
// residual s⊙(p − y) over the same slots, computed by tfjs in one tidy per batch (no autograd) and
// applied by Adam on plain arrays of d + 1 numbers. The loss is computed on every LOSS_EVERY-th batch only.
import { tf } from './tf.ts';
import type { Matrix, ModelWeights } from './model.ts';
import type { Stepper } from './stepper.ts';
import { weightedBceSum } from './train-mlp.ts';
import { batchTensors, embedBag, embedBagGrad } from './embed.ts';

/** Adam hyper-parameters (Kingma & Ba defaults). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Batches between two loss computations (the loss ops cost ~15% of a step; the gradient needs none). */
export const LOSS_EVERY = 4;

/**
 * Returns [∇w (d), ∇b, Σ weighted loss] for one batch, as sums over its rows; the loss is NaN unless
 * `withLoss`. Read back asynchronously: WebGPU's synchronous read returns zeros in a worker.
 */
export async function logregBatchGradient(batch: Matrix, wt: Float32Array, b: number, withLoss = true): Promise<Float32Array> {
  const { n, d } = batch;
  const out = tf.tidy(() => {
    const x = batchTensors(batch.x);
    const y = tf.tensor2d(batch.y, [n, 1]);
    const sw = tf.tensor2d(batch.w, [n, 1]);
    const z = tf.add(embedBag(tf.tensor2d(wt, [d, 1]), x), tf.scalar(b));
    const r = tf.mul(tf.sub(tf.sigmoid(z), y), sw) as tf.Tensor2D;
    const g = embedBagGrad(r, x);
    const loss = withLoss ? tf.reshape(weightedBceSum(z, y, sw), [1]) : tf.tensor1d([NaN]);
    return tf.concat([tf.reshape(g, [d]), tf.reshape(tf.sum(r), [1]), loss]);
  });
  try {
    return (await out.data()) as Float32Array;
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
