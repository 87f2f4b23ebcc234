// Logistic regression one batch at a time in plain TypeScript, updated as the tfjs stepper
// (workers/lab/train-logreg.ts) updates it: Adam with epsilon 1e-8 on the summed gradient divided by
// the batch's weight sum, no L2, the learning rate given per step. The bench's baseline for it.
import type { SparseRows } from '../features/sparse.ts';
import { Adam, type AdamConfig } from './adam.ts';
import { addGradient } from './logreg.ts';

/** Adam's constants of the tfjs logistic-regression stepper. */
export const LOGREG_ADAM: AdamConfig = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** A logistic regression trained in place, one batch per step. */
export class PlainLogReg {
  readonly weights: Float32Array;
  /** The bias, as a one-entry array (Adam updates it with the weights). */
  readonly bias: Float32Array;
  readonly #g: Float64Array;
  readonly #gb = new Float64Array(1);
  readonly #adam: Adam;

  constructor(weights: Float32Array, bias: number, adam: AdamConfig = LOGREG_ADAM) {
    this.weights = weights;
    this.bias = Float32Array.of(bias);
    this.#g = new Float64Array(weights.length);
    this.#adam = new Adam([this.weights, this.bias], adam);
  }

  /** One Adam update on the rows of x, whose weights sum to wsum; returns their summed weighted loss, or NaN unless `withLoss`. */
  step(x: SparseRows, y: ArrayLike<number>, w: ArrayLike<number>, wsum: number, lr: number, withLoss: boolean): number {
    this.#g.fill(0);
    const [gb, loss] = addGradient(x, y, w, this.weights, this.bias[0]!, null, 0, x.n, this.#g, withLoss);
    this.#gb[0] = gb;
    this.#adam.apply([this.weights, this.bias], [this.#g, this.#gb], lr, 1 / wsum);
    return loss;
  }
}
