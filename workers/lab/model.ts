// Trained models as plain arrays: no tensor outlives a job, so models survive backend switches.
import type { DenseLayerData, ModelKind } from '../lab-types.ts';
import type { SparseRows } from '../../src/lib/features/sparse.ts';
import { streamFor } from '../../src/lib/rng.ts';

/** One dense layer: W is inDim×outDim row-major, b has outDim entries. */
export type DenseLayer = DenseLayerData;

/** A model: dense layers with ReLU between them and a sigmoid on the single output. */
export interface ModelWeights {
  kind: ModelKind;
  layers: DenseLayer[];
}

/** A weighted binary-classification set: n sparse rows of d features. */
export interface Matrix {
  x: SparseRows;
  n: number;
  d: number;
  /** Labels 0/1. */
  y: Float32Array;
  /** Example weights (1, or 1/negKeep for downsampled negatives). */
  w: Float32Array;
}

/** Log-odds of the weighted positive rate, clamped away from ±∞: the output bias at init. */
export function baseLogit(y: Float32Array, w: Float32Array): number {
  let pos = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w[i]!;
    tot += wi;
    pos += wi * y[i]!;
  }
  const p = Math.min(1 - 1e-7, Math.max(1e-7, tot > 0 ? pos / tot : 0.5));
  return Math.log(p / (1 - p));
}

/** Layer sizes from input width d through the hidden sizes to one output. */
export function layerSizes(kind: ModelKind, d: number, hidden: number[]): number[] {
  return kind === 'logreg' ? [d, 1] : [d, ...hidden.filter((h) => h > 0), 1];
}

/**
 * Seeded initialisation: He-normal weights for hidden layers, zeros for logistic regression,
 * Glorot-scaled small weights for the output layer, and the output bias at `outBias`.
 */
export function initWeights(kind: ModelKind, d: number, hidden: number[], seed: string, outBias: number): ModelWeights {
  const sizes = layerSizes(kind, d, hidden);
  const rand = streamFor(seed, 'init');
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l]!;
    const outDim = sizes[l + 1]!;
    const last = l + 2 === sizes.length;
    const W = new Float32Array(inDim * outDim);
    const b = new Float32Array(outDim);
    if (kind !== 'logreg') {
      const scale = last ? Math.sqrt(1 / (inDim + outDim)) : Math.sqrt(2 / inDim);
      for (let i = 0; i < W.length; i++) W[i] = rand.normal() * scale;
    }
    if (last) b[0] = outBias;
    layers.push({ inDim, outDim, W, b });
  }
  return { kind, layers };
}

/** A deep copy (snapshots for backend fallback). */
export function cloneWeights(m: ModelWeights): ModelWeights {
  return { kind: m.kind, layers: m.layers.map((l) => ({ ...l, W: l.W.slice(), b: l.b.slice() })) };
}

/** Number of trainable parameters. */
export function paramCount(m: ModelWeights): number {
  return m.layers.reduce((s, l) => s + l.W.length + l.b.length, 0);
}

/** Probabilities for rows [start, end) of sparse rows in plain TypeScript (reference and small inputs). */
export function predictPlain(m: ModelWeights, x: SparseRows, start = 0, end = x.n): Float32Array {
  const out = new Float32Array(end - start);
  const first = m.layers[0]!;
  for (let r = start; r < end; r++) {
    // The first layer is an embedding-bag: the sum of the W rows of the row's slots, plus numerics × their W rows.
    let act = Float32Array.from(first.b);
    const h = first.outDim;
    for (let s = r * x.k; s < (r + 1) * x.k; s++) {
      const c = x.idx[s]!;
      if (c < x.d) for (let j = 0; j < h; j++) act[j]! += first.W[c * h + j]!;
    }
    for (let t = 0; t < x.q; t++) {
      const v = x.num[r * x.q + t]!;
      const c = x.numCols[t]!;
      for (let j = 0; j < h; j++) act[j]! += v * first.W[c * h + j]!;
    }
    for (let l = 1; l < m.layers.length; l++) {
      for (let j = 0; j < act.length; j++) act[j] = Math.max(0, act[j]!);
      const { inDim, outDim, W, b } = m.layers[l]!;
      const next = Float32Array.from(b);
      for (let i = 0; i < inDim; i++) {
        const a = act[i]!;
        if (a === 0) continue;
        for (let j = 0; j < outDim; j++) next[j]! += a * W[i * outDim + j]!;
      }
      act = next;
    }
    out[r - start] = 1 / (1 + Math.exp(-act[0]!));
  }
  return out;
}

/** Weighted mean binary cross-entropy of probabilities p against labels y. */
export function weightedLogLoss(p: Float32Array, y: Float32Array, w: Float32Array): number {
  let s = 0;
  let tot = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i]!));
    s -= w[i]! * (y[i]! ? Math.log(q) : Math.log(1 - q));
    tot += w[i]!;
  }
  return tot > 0 ? s / tot : NaN;
}
