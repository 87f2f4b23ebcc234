// The MLP: an embedding-bag first layer over the sparse rows (hand-written gradient), dense ReLU
// layers and a sigmoid output, trained with tf.variableGrads and Adam.
import { tf } from './tf.ts';
import type { ModelWeights } from './model.ts';
import type { Stepper } from './stepper.ts';
import { batchTensors, biasAddOp, denseOp, embedBagOp, onesColumn } from './embed.ts';
import { forward } from './predict.ts';

/** Summed weighted binary cross-entropy on logits z, stable for large |z|. */
export function weightedBceSum(z: tf.Tensor, y: tf.Tensor, sw: tf.Tensor): tf.Scalar {
  const bce = tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
  return tf.sum(tf.mul(sw, bce));
}

/** An MLP stepper holding tf.Variables and an Adam optimizer (both disposed by dispose()). */
export function mlpStepper(init: ModelWeights): Stepper {
  const vars = init.layers.map((l) => {
    const W0 = tf.tensor2d(l.W, [l.inDim, l.outDim]);
    const b0 = tf.tensor1d(l.b);
    const v = { W: tf.variable(W0), b: tf.variable(b0) };
    tf.dispose([W0, b0]);
    return v;
  });
  const varList = vars.flatMap((v) => [v.W, v.b]);
  // An explicit epsilon: by default Adam takes it from the backend, which differs between backends.
  const opt = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
  const optLr = opt as unknown as { learningRate: number };
  const ones = onesColumn();
  return {
    async step(batch, wsum, lr, slots) {
      optLr.learningRate = lr;
      const { n } = batch;
      const lossT = tf.tidy(() => {
        const x = batchTensors(batch.x, slots);
        const y = tf.tensor2d(batch.y, [n, 1]);
        const sw = tf.tensor2d(batch.w, [n, 1]);
        const layers = vars.map((v) => ({ W: v.W as tf.Tensor2D, b: v.b as tf.Tensor }));
        const { value, grads } = tf.variableGrads(() => tf.div(weightedBceSum(forward(layers, x, embedBagOp(x), denseOp(), biasAddOp(ones.get)), y, sw), wsum) as tf.Scalar, varList);
        opt.applyGradients(grads as unknown as Parameters<typeof opt.applyGradients>[0]);
        return value;
      });
      try {
        return (await lossT.data())[0]! * wsum;
      } finally {
        lossT.dispose();
      }
    },
    async snapshot() {
      const layers = await Promise.all(
        init.layers.map(async (l, i) => ({
          inDim: l.inDim,
          outDim: l.outDim,
          W: ((await vars[i]!.W.data()) as Float32Array).slice(),
          b: ((await vars[i]!.b.data()) as Float32Array).slice(),
        })),
      );
      return { kind: 'mlp', layers };
    },
    dispose() {
      opt.dispose();
      ones.dispose();
      tf.dispose(varList);
    },
  };
}
