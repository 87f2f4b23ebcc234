// The embedding-bag on tfjs: a batch of sparse rows times a weight matrix W (d × h) without the dense
// one-hot matrix. Row i's output is Σ W[slot] over its slots + numerics · W[numeric columns]. The slot
// sum is a SparseSegmentSum of W's rows (segments = rows), its gradient a SparseSegmentSum of the
// output gradient's rows (segments = columns, the slots sorted by column in plain TypeScript): both
// exist on cpu, wasm, webgl and webgpu (wasm has no UnsortedSegmentSum, which tfjs's own gather
// gradient needs), and on wasm they run 10–60× faster than Gather + Sum and ScatterNd. The sorted
// slots come from a precomputed plan when training (slot-plan.ts).
import { tf } from './tf.ts';
import type { SparseRows } from '../../src/lib/features/sparse.ts';
import { sortSlots, type SortedSlots } from './slot-plan.ts';

/** One batch of sparse rows as tensors (create inside a tidy). */
export interface BatchTensors {
  n: number;
  d: number;
  k: number;
  q: number;
  /** The rows themselves (the gradient sorts their slots by column). */
  rows: SparseRows;
  /** n·k int32 slot indices, row after row (padding = d), or null when rows have no slots. */
  idx: tf.Tensor1D | null;
  /** n·k int32 row of each slot (the segments of the forward sum). */
  seg: tf.Tensor1D | null;
  /** n × q numerics, or null when there are none. */
  num: tf.Tensor2D | null;
  /** The q numeric columns (int32). */
  numCols: tf.Tensor1D | null;
  /** The slots sorted by column for the gradient, if a plan had them (else sorted on demand). */
  slots?: SortedSlots;
}

/** Row ids 0,0,…,1,1,… (k each) for n rows, reused across batches of the same shape. */
let segCache: { n: number; k: number; seg: Int32Array } | null = null;

export function rowSegments(n: number, k: number): Int32Array {
  if (segCache?.n !== n || segCache.k !== k) segCache = { n, k, seg: Int32Array.from({ length: n * k }, (_, i) => Math.floor(i / k)) };
  return segCache.seg;
}

/** Tensors for a batch of sparse rows. */
export function batchTensors(x: SparseRows, slots?: SortedSlots): BatchTensors {
  const { n, d, k, q } = x;
  return {
    slots,
    n,
    d,
    k,
    q,
    rows: x,
    idx: k > 0 ? tf.tensor1d(x.idx, 'int32') : null,
    seg: k > 0 ? tf.tensor1d(rowSegments(n, k), 'int32') : null,
    num: q > 0 ? tf.tensor2d(x.num, [n, q]) : null,
    numCols: q > 0 ? tf.tensor1d(x.numCols, 'int32') : null,
  };
}

/** Σ over slots of W's rows plus numerics · W[numeric columns]: n × h (no bias). */
export function embedBag(W: tf.Tensor2D, b: BatchTensors): tf.Tensor2D {
  const h = W.shape[1];
  let out: tf.Tensor2D | null = null;
  if (b.idx && b.seg) out = tf.sparse.sparseSegmentSum(tf.concat([W, tf.zeros([1, h])], 0), b.idx, b.seg) as tf.Tensor2D;
  if (b.num && b.numCols) {
    const numeric = tf.matMul(b.num, tf.gather(W, b.numCols)) as tf.Tensor2D;
    out = out ? (tf.add(out, numeric) as tf.Tensor2D) : numeric;
  }
  return out ?? tf.zeros([b.n, h]);
}

/** ∂L/∂W (d × h) from ∂L/∂out (n × h): each column's row is the sum of dy over the slots holding it, plus numᵀ · dy for the numerics. */
export function embedBagGrad(dy: tf.Tensor2D, b: BatchTensors): tf.Tensor2D {
  const h = dy.shape[1];
  let g: tf.Tensor2D = tf.zeros([b.d, h]);
  const { rows, cols } = b.slots ?? sortSlots(b.rows);
  if (rows.length > 0) {
    const sums = tf.sparse.sparseSegmentSum(dy, tf.tensor1d(rows, 'int32'), tf.tensor1d(cols, 'int32')) as tf.Tensor2D;
    // Segments run up to the largest column present (padding slots are left out): pad to d rows.
    g = sums.shape[0] < b.d ? tf.pad(sums, [[0, b.d - sums.shape[0]], [0, 0]]) : sums;
  }
  if (b.num && b.numCols) g = tf.add(g, tf.scatterND(tf.expandDims(b.numCols, 1), tf.transpose(tf.matMul(dy, b.num, true, false)), [b.d, h]));
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

/**
 * A dense layer's product a · W with a hand-written gradient built from the matrix products that
 * are fast on wasm (XNNPACK): ∂a = dy · transpose(W), and ∂W = transpose(transpose(dy) · a). tfjs's
 * own gradient uses matMul(dy, W, false, true) and matMul(a, dy, true, false), which measured 2–5×
 * slower (a [16384 × 32]ᵀ · [16384 × 16] product: 7.3 ms against 1.4 ms).
 */
export function denseOp(): (a: tf.Tensor2D, W: tf.Tensor2D) => tf.Tensor2D {
  const op = tf.customGrad(((a: tf.Tensor, W: tf.Tensor, save: (ts: tf.Tensor[]) => void) => {
    save([a, W]);
    return {
      value: tf.matMul(a as tf.Tensor2D, W as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sa, sW] = saved as [tf.Tensor2D, tf.Tensor2D];
        const g = dy as tf.Tensor2D;
        // For a single output column the transposed-operand product is the faster one (0.2 against 0.8 ms).
        const dW = g.shape[1] === 1 ? tf.transpose(tf.matMul(g, sa, true, false)) : tf.transpose(tf.matMul(tf.transpose(g), sa));
        return [tf.matMul(g, tf.transpose(sW)), dW];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (a, W) => op(a, W) as tf.Tensor2D;
}

/**
 * a + b with b broadcast over the rows, whose gradient for b (the column sums of dy) is the product
 * dyᵀ · 1 with a column of ones that `ones(n)` keeps across steps: a sum over axis 0 transposes
 * first on wasm (3.4 ms for a fresh 16384 × 32 gradient, against 0.7 ms for the product).
 */
export function biasAddOp(ones: (n: number) => tf.Tensor2D): (a: tf.Tensor2D, b: tf.Tensor) => tf.Tensor2D {
  const op = tf.customGrad(((a: tf.Tensor, b: tf.Tensor) => ({
    value: tf.add(a, b),
    gradFunc: (dy: tf.Tensor) => [dy, tf.reshape(tf.matMul(dy as tf.Tensor2D, ones(dy.shape[0]!), true, false), b.shape)],
  })) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (a, b) => op(a, b) as tf.Tensor2D;
}

/** A column of n ones kept outside any tidy (for biasAddOp); dispose() frees it. */
export function onesColumn(): { get: (n: number) => tf.Tensor2D; dispose: () => void } {
  let cached: tf.Tensor2D | null = null;
  return {
    get(n) {
      if (cached?.shape[0] !== n) {
        cached?.dispose();
        cached = tf.keep(tf.ones([n, 1]));
      }
      return cached;
    },
    dispose() {
      cached?.dispose();
      cached = null;
    },
  };
}
