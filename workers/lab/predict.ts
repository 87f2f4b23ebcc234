// Batched inference on the current tfjs backend from plain-array weights and sparse rows.
import { tf } from './tf.ts';
import type { ModelWeights } from './model.ts';
import { fromDense, sliceSparse, type SparseRows } from '../../src/lib/features/sparse.ts';
import { batchTensors, embedBag, type BatchTensors } from './embed.ts';

/** Logits of a network for one batch: the first layer an embedding-bag (`bag`, default without autograd), then dense layers with ReLU between (`dense` and `bias` may bring hand-written gradients). */
export function forward(
  layers: { W: tf.Tensor2D; b: tf.Tensor }[],
  x: BatchTensors,
  bag: (W: tf.Tensor2D) => tf.Tensor2D = (W) => embedBag(W, x),
  dense: (a: tf.Tensor2D, W: tf.Tensor2D) => tf.Tensor2D = (a, W) => tf.matMul(a, W),
  bias: (a: tf.Tensor2D, b: tf.Tensor) => tf.Tensor2D = (a, b) => tf.add(a, b),
): tf.Tensor2D {
  let a: tf.Tensor2D = bias(bag(layers[0]!.W), layers[0]!.b);
  for (let i = 1; i < layers.length; i++) a = bias(dense(tf.relu(a), layers[i]!.W), layers[i]!.b);
  return a;
}

/**
 * Probabilities for sparse rows with the current backend, in batches, one tidy each. A dense
 * row-major matrix (X, n, d) is still accepted and read as rows of numerics (prefer scoreSet).
 */
export async function predictTf(m: ModelWeights, rows: SparseRows | Float32Array, n?: number, d?: number, batch = 16384): Promise<Float32Array> {
  const x = rows instanceof Float32Array ? fromDense(rows.subarray(0, (n ?? 0) * (d ?? 0)), d ?? 0) : rows;
  const out = new Float32Array(x.n);
  for (let s = 0; s < x.n; s += batch) {
    const e = Math.min(x.n, s + batch);
    const p = tf.tidy(() => {
      const layers = m.layers.map((l) => ({ W: tf.tensor2d(l.W, [l.inDim, l.outDim]), b: tf.tensor1d(l.b) }));
      return tf.sigmoid(forward(layers, batchTensors(sliceSparse(x, s, e))));
    });
    try {
      out.set((await p.data()) as Float32Array, s);
    } finally {
      p.dispose();
    }
  }
  return out;
}
