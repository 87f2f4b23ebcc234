// The bench's plain-TypeScript baselines (src/lib/learn, no tfjs) behind the Stepper shape, so they
// are timed by the same loop as the tfjs steppers, on the same batches, with the same loss cadence.
import type { ModelWeights } from './model.ts';
import { cloneWeights } from './model.ts';
import type { Stepper } from './stepper.ts';
import { LOSS_EVERY } from './train-logreg.ts';
import { PlainLogReg } from '../../src/lib/learn/logreg-step.ts';
import { PlainMlp } from '../../src/lib/learn/mlp.ts';

/** Batches between two loss computations of a model's stepper: the tfjs logistic regression skips it on three batches of four, the MLP's autograd computes it on every batch. */
export function lossEvery(kind: ModelWeights['kind']): number {
  return kind === 'logreg' ? LOSS_EVERY : 1;
}

/** A plain-TypeScript stepper for the same model, initialised from the same weights (which it copies). */
export function plainStepper(init: ModelWeights): Stepper {
  const w = cloneWeights(init);
  if (w.kind === 'logreg') {
    const layer = w.layers[0]!;
    const lr = new PlainLogReg(layer.W, layer.b[0]!);
    let t = 0;
    return {
      async step(batch, wsum, rate) {
        return lr.step(batch.x, batch.y, batch.w, wsum, rate, t++ % LOSS_EVERY === 0);
      },
      async snapshot() {
        return { kind: 'logreg', layers: [{ inDim: layer.inDim, outDim: 1, W: lr.weights.slice(), b: lr.bias.slice() }] };
      },
      dispose() {},
    };
  }
  const mlp = new PlainMlp(w.layers);
  return {
    async step(batch, wsum, rate) {
      return mlp.step(batch.x, batch.y, batch.w, wsum, rate);
    },
    async snapshot() {
      return cloneWeights(w);
    },
    dispose() {},
  };
}
