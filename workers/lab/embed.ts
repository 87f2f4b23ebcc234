// The embedding-bag on tfjs: a batch of sparse rows times a weight matrix W (d × h) without the dense
// one-hot matrix. Row i's output is Σ W[slot] over its slots + numerics · W[numeric columns]. Built
// from GatherV2, Tile and ScatterNd only (present on cpu, wasm, webgl and webgpu; wasm has no
// UnsortedSegmentSum, which tfjs's own gather gradient needs), with a hand-written gradient.
import { tf } from './tf.ts';
import type { SparseRows } from '../../src/lib/features/sparse.ts';

/** One batch of sparse rows as tensors (create inside a tidy). */
export interface BatchTensors {
  n: number;
  d: number;
  k: number;
  q: number;
  /** n × k int32 slot indices (padding = d), or null when rows have no slots. */
  idx: tf.Tensor2D | null;
  /** n × q numerics, or null when there are none. */
  num: tf.Tensor2D | null;
  /** The q numeric columns (int32). */
  numCols: tf.Tensor1D | null;
}

/** Tensors for a batch of sparse rows. */
export function batchTensors(x: SparseRows): BatchTensors {
  const { n, d, k, q } = x;
  return {
    n,
    d,
    k,
    q,
    idx: k > 0 ? tf.tensor2d(x.idx, [n, k], 'int32') : null,
    num: q > 0 ? tf.tensor2d(x.num, [n, q]) : null,
    numCols: q > 0 ? tf.tensor1d(x.numCols, 'int32') : null,
  };
}

/** Σ over slots of W's rows plus numerics · W[numeric columns]: n × h (no bias). */
export function embedBag(W: tf.Tensor2D, b: BatchTensors): tf.Tensor2D {
  const h = W.shape[1];
  let out: tf.Tensor2D = tf.zeros([b.n, h]);
  if (b.idx) {
    const padded = tf.concat([W, tf.zeros([1, h])], 0);
    out = tf.add(out, tf.sum(tf.gather(padded, b.idx), 1));
  }
  if (b.num && b.numCols) out = tf.add(out, tf.matMul(b.num, tf.gather(W, b.numCols)));
  return out;
}

/** ∂L/∂W (d × h) from ∂L/∂out (n × h): a scatter-add of dy into each slot's row, plus numᵀ · dy into the numeric rows. */
export function embedBagGrad(dy: tf.Tensor2D, b: BatchTensors): tf.Tensor2D {
  const h = dy.shape[1];
  let g: tf.Tensor2D = tf.zeros([b.d, h]);
  if (b.idx) {
    const spread = tf.tile(tf.expandDims(dy, 1), [1, b.k, 1]);
    const all = tf.scatterND(tf.expandDims(b.idx, 2), spread, [b.d + 1, h]) as tf.Tensor2D;
    g = tf.add(g, tf.slice(all, [0, 0], [b.d, h]));
  }
  if (b.num && b.numCols) g = tf.add(g, tf.scatterND(tf.expandDims(b.numCols, 1), tf.matMul(b.num, dy, true, false), [b.d, h]));
  return g;
}

/** The embedding-bag with its hand-written gradient, for autograd (tf.variableGrads) through W. */
export function embedBagOp(b: BatchTensors): (W: tf.Tensor2D) => tf.Tensor2D {
  const op = tf.customGrad(((W: tf.Tensor) => ({
    value: embedBag(W as tf.Tensor2D, b),
    gradFunc: (dy: tf.Tensor) => [embedBagGrad(dy as tf.Tensor2D, b)],
  })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (W) => op(W) as tf.Tensor2D;
}
