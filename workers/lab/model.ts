// Trained models as plain arrays: no tensor outlives a job, so models survive backend switches.
import type { DenseLayerData, ModelKind } from '../lab-types.ts';
import { normal, rngFor } from './rng.ts';

/** One dense layer: W is inDim×outDim row-major, b has outDim entries. */
export type DenseLayer = DenseLayerData;

/** A model: dense layers with ReLU between them and a sigmoid on the single output. */
export interface ModelWeights {
  kind: ModelKind;
  layers: DenseLayer[];
}

/** A weighted binary-classification matrix: n rows of d features, row-major. */
export interface Matrix {
  X: Float32Array;
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
  const rand = rngFor(seed, 'init');
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l]!;
    const outDim = sizes[l + 1]!;
    const last = l + 2 === sizes.length;
    const W = new Float32Array(inDim * outDim);
    const b = new Float32Array(outDim);
    if (kind !== 'logreg') {
      const scale = last ? Math.sqrt(1 / (inDim + outDim)) : Math.sqrt(2 / inDim);
      for (let i = 0; i < W.length; i++) W[i] = normal(rand) * scale;
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

/** Probabilities for rows [start, end) of X in plain TypeScript (reference and small inputs). */
export function predictPlain(m: ModelWeights, X: Float32Array, d: number, start = 0, end = X.length / d): Float32Array {
  const out = new Float32Array(end - start);
  let act: Float32Array = new Float32Array(d);
  for (let r = start; r < end; r++) {
    act = X.subarray(r * d, r * d + d);
    for (let l = 0; l < m.layers.length; l++) {
      const { inDim, outDim, W, b } = m.layers[l]!;
      const next = new Float32Array(outDim);
      for (let j = 0; j < outDim; j++) next[j] = b[j]!;
      for (let i = 0; i < inDim; i++) {
        const a = act[i]!;
        if (a === 0) continue;
        for (let j = 0; j < outDim; j++) next[j]! += a * W[i * outDim + j]!;
      }
      if (l + 1 < m.layers.length) for (let j = 0; j < outDim; j++) next[j] = Math.max(0, next[j]!);
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
