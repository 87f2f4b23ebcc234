// Scoring in the serving worker, in plain TypeScript: the fitted feature transform applied to a
// batch of candidate rows as sparse rows (slot indices + numerics), the first layer as an
// embedding-bag (the W rows of a row's slots summed), then the dense layers (ReLU between,
// sigmoid on the one output).
import { transformSparse, type FittedFeatures, type SparseRows, type TokenTable } from '../../src/lib/features/index.ts';
import { logBid, numericSource } from '../../src/lib/features/fit.ts';
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

/** Rows transformed at a time: a block's sparse rows stay within a few MB (16,384 rows × slots × 4 bytes), and each call builds the token tables' lookups once, so fewer, larger calls are cheaper than 4,096-row ones. */
const CHUNK = 16384;

/** Probabilities for every row of `cols` (written into `out` when given). */
export function scoreRows(m: ServedModel, cols: Columns, out = new Float32Array(cols.n)): Float32Array {
  for (let s = 0; s < cols.n; s += CHUNK) {
    const e = Math.min(cols.n, s + CHUNK);
    forward(m.layers, sparseRowsOf(m.features, cols, s, e), out.subarray(s, e));
  }
  return out;
}

/** Each block of candidates' sparse rows by chunk start, with the features they were made by (models that share slots reuse them). */
const slotCache = new WeakMap<Columns, Map<number, { f: FittedFeatures; x: SparseRows }[]>>();

/**
 * Rows [s, e) of `cols` as the features `f` transform them. Several models score the same
 * candidates (the arms of a comparison, a champion and its challenger): their slot indices depend
 * only on the spec and the world's token tables, so a block's slots are computed once and only the
 * numerics are standardised again by each model's own statistics, with transformSparse's formula.
 */
function sparseRowsOf(f: FittedFeatures, cols: Columns, s: number, e: number): SparseRows {
  let byStart = slotCache.get(cols);
  if (!byStart) slotCache.set(cols, (byStart = new Map()));
  let list = byStart.get(s);
  if (!list) byStart.set(s, (list = []));
  const hit = list.find((c) => c.f === f) ?? list.find((c) => sameSlots(c.f, f));
  if (hit?.f === f) return hit.x;
  const block = s === 0 && e === cols.n ? cols : viewColumns(cols, s, e);
  const x = hit ? { ...hit.x, num: numericRows(f, block, hit.x.q) } : transformSparse(f, block);
  list.push({ f, x });
  return x;
}

/** The numeric values of a block's rows, standardised by `f`'s statistics (n × q, row-major, as transformSparse writes them). */
function numericRows(f: FittedFeatures, cols: Columns, q: number): Float32Array {
  const n = cols.n;
  const num = new Float32Array(n * q);
  f.numeric.forEach(({ name, mean, std }, j) => {
    const { values, log } = numericSource(cols, name);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      num[i * q + j] = ((log ? logBid(v) : v) - mean) / std;
    }
  });
  return num;
}

const sameCache = new WeakMap<FittedFeatures, WeakMap<FittedFeatures, boolean>>();

/** Whether two fitted features give every row the same slot indices: the same spec and width, and the same token tables. */
function sameSlots(a: FittedFeatures, b: FittedFeatures): boolean {
  let m = sameCache.get(a);
  if (!m) sameCache.set(a, (m = new WeakMap()));
  let same = m.get(b);
  if (same === undefined) {
    same = a.d === b.d && JSON.stringify(a.spec) === JSON.stringify(b.spec) && a.numeric.length === b.numeric.length && a.numeric.every((s, j) => s.name === b.numeric[j]?.name) && sameTable(a.queryTokens, b.queryTokens) && sameTable(a.headlineTokens, b.headlineTokens);
    m.set(b, same);
  }
  return same;
}

function sameTable(a: TokenTable | null, b: TokenTable | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const eq = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return eq(a.offsets, b.offsets) && eq(a.hashes, b.hashes);
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
  if (layers.length === 1) return forwardLogistic(first, x, out);
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

/**
 * A one-layer network (logistic regression) over sparse rows: the same sums as `forward`, in the
 * same order and rounded to float32 after every addition as its Float32Array activations are, so
 * the scores are identical, without the per-unit loops.
 */
function forwardLogistic(l: DenseLayerData, x: SparseRows, out: Float32Array): void {
  const { idx, num, numCols, k, q, d } = x;
  const W = l.W;
  const b = l.b[0] as number;
  const f = Math.fround;
  for (let r = 0; r < x.n; r++) {
    let a = b;
    const s1 = (r + 1) * k;
    for (let s = r * k; s < s1; s++) {
      const c = idx[s] as number;
      if (c < d) a = f(a + (W[c] as number));
    }
    for (let t = 0; t < q; t++) {
      const v = num[r * q + t] as number;
      if (v !== 0) a = f(a + v * (W[numCols[t] as number] as number));
    }
    out[r] = 1 / (1 + Math.exp(-a));
  }
}
