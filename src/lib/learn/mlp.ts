// A plain-TypeScript MLP on sparse rows, the bench's baseline for the tfjs MLP (workers/lab/train-mlp.ts):
// the same network (an embedding-bag first layer over the row's slots and numerics, dense layers
// with ReLU between them, one logit), the same loss (weighted binary cross-entropy summed over the
// batch and divided by its weight sum) and the same optimiser (Adam, tf.train.adam's defaults with
// epsilon 1e-7), with the gradient written out by hand. No allocation in the inner loops.
import type { SparseRows } from '../features/sparse.ts';
import type { DenseLayerData } from '../lab/types.ts';
import { Adam, type AdamConfig } from './adam.ts';

/** Adam's constants of the tfjs MLP stepper. */
export const MLP_ADAM: AdamConfig = { beta1: 0.9, beta2: 0.999, eps: 1e-7 };

/** Gradients of the summed loss, shaped like the layers they belong to. */
export interface MlpGrads {
  W: Float64Array[];
  b: Float64Array[];
}

/** Zeroed gradient arrays for these layers. */
export function mlpGrads(layers: readonly DenseLayerData[]): MlpGrads {
  return { W: layers.map((l) => new Float64Array(l.W.length)), b: layers.map((l) => new Float64Array(l.b.length)) };
}

/** One row's pre-activations (a) and the loss's derivatives with respect to them (da), per layer. */
interface Scratch {
  a: Float64Array[];
  da: Float64Array[];
}

function scratchFor(layers: readonly DenseLayerData[]): Scratch {
  return { a: layers.map((l) => new Float64Array(l.outDim)), da: layers.map((l) => new Float64Array(l.outDim)) };
}

/** The logit of row r (its pre-activations are left in s.a). */
function forwardRow(layers: readonly DenseLayerData[], x: SparseRows, r: number, s: Scratch): number {
  const { k, q, d, idx, num, numCols } = x;
  const first = layers[0]!;
  const h = first.outDim;
  const a0 = s.a[0]!;
  for (let j = 0; j < h; j++) a0[j] = first.b[j]!;
  for (let t = r * k, e = t + k; t < e; t++) {
    const c = idx[t]!;
    if (c >= d) continue;
    for (let j = 0, o = c * h; j < h; j++) a0[j] = a0[j]! + first.W[o + j]!;
  }
  for (let t = 0, o = r * q; t < q; t++) {
    const v = num[o + t]!;
    for (let j = 0, wo = numCols[t]! * h; j < h; j++) a0[j] = a0[j]! + v * first.W[wo + j]!;
  }
  for (let l = 1; l < layers.length; l++) {
    const { inDim, outDim, W, b } = layers[l]!;
    const prev = s.a[l - 1]!;
    const a = s.a[l]!;
    for (let j = 0; j < outDim; j++) a[j] = b[j]!;
    for (let i = 0; i < inDim; i++) {
      const hi = prev[i]!;
      if (hi <= 0) continue; // ReLU
      for (let j = 0, o = i * outDim; j < outDim; j++) a[j] = a[j]! + hi * W[o + j]!;
    }
  }
  return s.a[layers.length - 1]![0]!;
}

/** Adds ∂(weighted loss of row r)/∂parameters into g, given ∂loss/∂logit = res and the row's forward pass in s. */
function backwardRow(layers: readonly DenseLayerData[], x: SparseRows, r: number, res: number, s: Scratch, g: MlpGrads): void {
  const last = layers.length - 1;
  s.da[last]![0] = res;
  for (let l = last; l >= 1; l--) {
    const { inDim, outDim, W } = layers[l]!;
    const da = s.da[l]!;
    const prev = s.a[l - 1]!;
    const dPrev = s.da[l - 1]!;
    const gW = g.W[l]!;
    const gb = g.b[l]!;
    for (let j = 0; j < outDim; j++) gb[j] = gb[j]! + da[j]!;
    for (let i = 0; i < inDim; i++) {
      const hi = prev[i]!;
      if (hi <= 0) {
        dPrev[i] = 0; // ReLU passes no gradient where it is off
        continue;
      }
      let dh = 0;
      for (let j = 0, o = i * outDim; j < outDim; j++) {
        gW[o + j] = gW[o + j]! + hi * da[j]!;
        dh += W[o + j]! * da[j]!;
      }
      dPrev[i] = dh;
    }
  }
  const { k, q, d, idx, num, numCols } = x;
  const h = layers[0]!.outDim;
  const da0 = s.da[0]!;
  const gW0 = g.W[0]!;
  const gb0 = g.b[0]!;
  for (let j = 0; j < h; j++) gb0[j] = gb0[j]! + da0[j]!;
  for (let t = r * k, e = t + k; t < e; t++) {
    const c = idx[t]!;
    if (c >= d) continue;
    for (let j = 0, o = c * h; j < h; j++) gW0[o + j] = gW0[o + j]! + da0[j]!;
  }
  for (let t = 0, o = r * q; t < q; t++) {
    const v = num[o + t]!;
    for (let j = 0, wo = numCols[t]! * h; j < h; j++) gW0[wo + j] = gW0[wo + j]! + v * da0[j]!;
  }
}

/** Adds the gradient of Σ w·BCE over all rows of x into g; returns that summed weighted loss. */
export function mlpLossGrad(layers: readonly DenseLayerData[], x: SparseRows, y: ArrayLike<number>, w: ArrayLike<number>, g: MlpGrads, s: Scratch = scratchFor(layers)): number {
  let loss = 0;
  for (let r = 0; r < x.n; r++) {
    const z = forwardRow(layers, x, r, s);
    const yi = y[r] as number;
    const wi = w[r] as number;
    // One exponential gives both the loss softplus(z) − y·z and the probability sigmoid(z).
    const e = Math.exp(-Math.abs(z));
    loss += wi * ((z > 0 ? z : 0) + Math.log1p(e) - yi * z);
    const p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    backwardRow(layers, x, r, wi * (p - yi), s, g);
  }
  return loss;
}

/** Probabilities of the rows of x. */
export function predictMlp(layers: readonly DenseLayerData[], x: SparseRows): Float64Array {
  const s = scratchFor(layers);
  const out = new Float64Array(x.n);
  for (let r = 0; r < x.n; r++) out[r] = 1 / (1 + Math.exp(-forwardRow(layers, x, r, s)));
  return out;
}

/** An MLP trained in place with Adam, one batch per step (its layers are updated, not copied). */
export class PlainMlp {
  readonly layers: DenseLayerData[];
  readonly #g: MlpGrads;
  readonly #s: Scratch;
  readonly #params: Float32Array[];
  readonly #grads: Float64Array[];
  readonly #adam: Adam;

  constructor(layers: DenseLayerData[], adam: AdamConfig = MLP_ADAM) {
    this.layers = layers;
    this.#g = mlpGrads(layers);
    this.#s = scratchFor(layers);
    this.#params = layers.flatMap((l) => [l.W, l.b]);
    this.#grads = layers.flatMap((_, i) => [this.#g.W[i]!, this.#g.b[i]!]);
    this.#adam = new Adam(this.#params, adam);
  }

  /** One Adam update on the rows of x, whose weights sum to wsum; returns their summed weighted loss (computed on every step, as the tfjs stepper's is). */
  step(x: SparseRows, y: ArrayLike<number>, w: ArrayLike<number>, wsum: number, lr: number): number {
    for (const g of this.#grads) g.fill(0);
    const loss = mlpLossGrad(this.layers, x, y, w, this.#g, this.#s);
    this.#adam.apply(this.#params, this.#grads, lr, 1 / wsum);
    return loss;
  }
}
