// Batched inference on the current tfjs backend from plain-array weights.
import { tf } from './tf.ts';
import type { ModelWeights } from './model.ts';

/** Probabilities for a matrix with the current backend, in batches, one tidy each. */
export async function predictTf(m: ModelWeights, X: Float32Array, n: number, d: number, batch = 16384): Promise<Float32Array> {
  const out = new Float32Array(n);
  for (let s = 0; s < n; s += batch) {
    const e = Math.min(n, s + batch);
    const p = tf.tidy(() => {
      let a: tf.Tensor2D = tf.tensor2d(X.subarray(s * d, e * d), [e - s, d]);
      m.layers.forEach((l, i) => {
        const z = tf.add(tf.matMul(a, tf.tensor2d(l.W, [l.inDim, l.outDim])), tf.tensor1d(l.b)) as tf.Tensor2D;
        a = i + 1 < m.layers.length ? tf.relu(z) : tf.sigmoid(z);
      });
      return a;
    });
    try {
      out.set((await p.data()) as Float32Array, s);
    } finally {
      p.dispose();
    }
  }
  return out;
}
