// Scoring in the serving worker, in plain TypeScript: the fitted feature transform applied to a
// batch of candidate rows as sparse rows (slot indices + numerics), the first layer as an
// embedding-bag (the W rows of a row's slots summed), then the dense layers (ReLU between,
// sigmoid on the one output).
import { transformSparse, type FittedFeatures, type SparseRows } from '../../src/lib/features/index.ts';
import type { ScoringModel } from '../../src/lib/market/index.ts';
import type { DenseLayerData, ExportedModel } from '../../src/lib/lab/types.ts';
import type { Columns } from '../../src/lib/sim/types.ts';
import { viewColumns } from '../../src/lib/sim/columns.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';

/** What a served model predicts: relevance ("should show", the impressions era) or a click (pCTR). */
export type ServedKind = 'relevance' | 'click';

/** A model as the serving worker holds it: its layers, its feature transform and where it came from. */
export interface ServedModel {
  /** Run label (v5) of the lab run, or the click model's label. */
  version: string;
  kind: ServedKind;
  layers: DenseLayerData[];
  features: FittedFeatures;
  world: WorldParams;
  /** Training days (inclusive). */
  days: [number, number];
}

/** A lab model (ExportedModel) as a served relevance model. */
export function fromExported(e: ExportedModel): ServedModel {
  return { version: e.version, kind: 'relevance', layers: e.layers, features: e.features, world: e.world, days: e.days };
}

/**
 * A plain-TS logistic model of src/lib/market (relevance, or click over features + slot one-hots)
 * as one dense layer; a click model is scored at the top slot: the slot-0 weight folds into the
 * bias, the other slot columns drop out.
 */
export function fromScoringModel(m: ScoringModel, version: string, world: WorldParams, days: [number, number]): ServedModel {
  const d = m.features.d;
  const W = m.model.weights.slice(0, d);
  const b = new Float32Array([m.model.bias + (m.positions > 0 ? (m.model.weights[d] as number) : 0)]);
  return { version, kind: m.kind, layers: [{ inDim: d, outDim: 1, W, b }], features: m.features, world, days };
}

/** Rows transformed at a time (keeps the sparse rows within a few hundred KB). */
const CHUNK = 4096;

/** Probabilities for every row of `cols` (written into `out` when given). */
export function scoreRows(m: ServedModel, cols: Columns, out = new Float32Array(cols.n)): Float32Array {
  for (let s = 0; s < cols.n; s += CHUNK) {
    const e = Math.min(cols.n, s + CHUNK);
    forward(m.layers, transformSparse(m.features, s === 0 && e === cols.n ? cols : viewColumns(cols, s, e)), out.subarray(s, e));
  }
  return out;
}

/** The network over sparse rows: embedding-bag first layer, ReLU between layers, sigmoid at the end. */
export function forward(layers: readonly DenseLayerData[], x: SparseRows, out: Float32Array): void {
  let width = x.d;
  for (const l of layers) {
    if (l.inDim !== width) throw new Error(`a layer expects ${l.inDim} inputs, got ${width}`);
    width = l.outDim;
  }
  if (width !== 1) throw new Error(`the last layer must have one output, has ${width}`);
  const first = layers[0] as DenseLayerData;
  const h = first.outDim;
  const bufs = layers.map((l) => new Float32Array(l.outDim));
  const { idx, num, numCols, k, q, d } = x;
  for (let r = 0; r < x.n; r++) {
    let act = bufs[0] as Float32Array;
    act.set(first.b);
    for (let s = r * k; s < (r + 1) * k; s++) {
      const c = idx[s] as number;
      if (c >= d) continue;
      const off = c * h;
      for (let j = 0; j < h; j++) act[j] = (act[j] as number) + (first.W[off + j] as number);
    }
    for (let t = 0; t < q; t++) {
      const v = num[r * q + t] as number;
      if (v === 0) continue;
      const off = (numCols[t] as number) * h;
      for (let j = 0; j < h; j++) act[j] = (act[j] as number) + v * (first.W[off + j] as number);
    }
    for (let li = 1; li < layers.length; li++) {
      for (let j = 0; j < act.length; j++) if ((act[j] as number) < 0) act[j] = 0;
      const { inDim, outDim, W, b } = layers[li] as DenseLayerData;
      const next = bufs[li] as Float32Array;
      next.set(b);
      for (let i = 0; i < inDim; i++) {
        const a = act[i] as number;
        if (a === 0) continue;
        const off = i * outDim;
        for (let j = 0; j < outDim; j++) next[j] = (next[j] as number) + a * (W[off + j] as number);
      }
      act = next;
    }
    out[r] = 1 / (1 + Math.exp(-(act[0] as number)));
  }
}
