// Sparse feature rows, as production click models store them: each row is a fixed number of slots
// holding indices of its non-zero 0/1 columns (one-hots, cross cell, hashed tokens; a repeated token
// repeats its index), plus the standardised numerics. The dense one-hot matrix is never built.
import type { Columns } from '../sim/types.ts';
import { CATEGORIES } from '../sim/types.ts';
import { checkRows, logBid, numericSource, oneHotSource, type FittedFeatures, type TokenTable } from './fit.ts';
import { bucketOf, crossHash } from './hash.ts';
import { HOURS_PER_BUCKET, layout, ONE_HOT_VALUES, type OneHotName } from './spec.ts';

/** Rows of a feature matrix in sparse form. Row i's value in column c is the number of its slots holding c, or its numeric. */
export interface SparseRows {
  n: number;
  /** Columns of the dense equivalent (the model's input width). */
  d: number;
  /** Slots per row; unused slots hold the padding index `d`, which stands for no column. */
  k: number;
  /** n × k column indices, row-major. */
  idx: Int32Array;
  /** Numeric columns per row. */
  q: number;
  /** n × q numeric values, row-major. */
  num: Float32Array;
  /** The column of each numeric (where its weight sits in the dense layout). */
  numCols: Int32Array;
}

/** Most tokens of any text of a table. */
function maxTokens(t: TokenTable | null): number {
  if (t === null) return 0;
  let m = 0;
  for (let i = 0; i + 1 < t.offsets.length; i++) m = Math.max(m, (t.offsets[i + 1] as number) - (t.offsets[i] as number));
  return m;
}

/** Slots a row of this fitted transform needs: one per one-hot and cross, the longest text's tokens per hashed block. */
export function slotCount(f: FittedFeatures): number {
  let k = 0;
  for (const b of layout(f.spec)) {
    if (b.kind === 'oneHot' || b.kind === 'cross') k++;
    else if (b.kind === 'hashQuery' || b.kind === 'hashQueryAdCat') k += maxTokens(f.queryTokens);
    else if (b.kind === 'hashHeadline') k += maxTokens(f.headlineTokens);
  }
  return k;
}

/** The column of each numeric in the dense layout, in spec order. */
export function numericColumns(f: FittedFeatures): Int32Array {
  return Int32Array.from(layout(f.spec).filter((b) => b.kind === 'numeric').map((b) => b.offset));
}

function badCode(what: string, value: number, row: number): Error {
  return new Error(`features: ${what} ${value} at row ${row} is out of range`);
}

/** Writes the slots of one block for rows [0, n) starting at slot `s0`; returns the slots it used. */
type SlotWriter = (idx: Int32Array, k: number, s0: number) => number;

/**
 * Transforms `rows` of `cols` (all rows when omitted) into sparse rows: the same columns as the dense
 * `transform`, stored as indices. Memory: n × (k + q) × 4 bytes instead of n × d × 4.
 */
export function transformSparse(f: FittedFeatures, cols: Columns, rows?: Uint32Array): SparseRows {
  if (rows !== undefined) checkRows(rows, cols.n, 'row');
  const n = rows === undefined ? cols.n : rows.length;
  const d = f.d;
  const k = slotCount(f);
  const idx = new Int32Array(n * k).fill(d);
  const numCols = numericColumns(f);
  const q = numCols.length;
  const num = new Float32Array(n * q);
  // Row i of the output reads row at[i] of the columns.
  const at = rows ?? identity(n);
  const K = CATEGORIES.length;
  let s = 0;
  let numericIndex = 0;
  for (const b of layout(f.spec)) {
    switch (b.kind) {
      case 'oneHot': {
        const src = oneHotSource(cols, b.name);
        const div = b.name === 'hourBucket' ? HOURS_PER_BUCKET : 1;
        const size = ONE_HOT_VALUES[b.name].length;
        for (let i = 0; i < n; i++) {
          const r = at[i] as number;
          const c = Math.floor((src[r] as number) / div);
          if (c >= size) throw badCode(b.name, src[r] as number, r);
          idx[i * k + s] = b.offset + c;
        }
        s++;
        break;
      }
      case 'numeric': {
        const stats = f.numeric[numericIndex];
        if (stats === undefined || stats.name !== b.name) throw new Error(`features: fitted statistics missing for ${b.name}`);
        const { values, log } = numericSource(cols, b.name);
        const { mean, std } = stats;
        const j = numericIndex++;
        for (let i = 0; i < n; i++) {
          const v = values[at[i] as number] as number;
          num[i * q + j] = ((log ? logBid(v) : v) - mean) / std;
        }
        break;
      }
      case 'cross':
        for (let i = 0; i < n; i++) {
          const r = at[i] as number;
          const qc = cols.queryCat[r] as number;
          const a = cols.adCat[r] as number;
          if (qc >= K) throw badCode('queryCat', qc, r);
          if (a >= K) throw badCode('adCat', a, r);
          idx[i * k + s] = b.offset + qc * K + a;
        }
        s++;
        break;
      default:
        s += tokenSlots(b.kind, b.offset, b.size, f, cols, at, n)(idx, k, s);
    }
  }
  return { n, d, k, idx, q, num, numCols };
}

/** 0, 1, …, n−1 (rows of a whole block, read in order). */
function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** The writer of a hashed block: each token's bucket in its own slot, then padding up to the longest text. */
function tokenSlots(kind: 'hashQuery' | 'hashHeadline' | 'hashQueryAdCat', off: number, buckets: number, f: FittedFeatures, cols: Columns, at: Uint32Array, n: number): SlotWriter {
  const table = kind === 'hashHeadline' ? f.headlineTokens : f.queryTokens;
  if (table === null) throw new Error(`features: fitted token table missing for ${kind}`);
  const offsets = Uint32Array.from(table.offsets);
  const texts = offsets.length - 1;
  const width = maxTokens(table);
  const K = CATEGORIES.length;
  const perCat = kind === 'hashQueryAdCat' ? CATEGORIES.map((_, a) => Int32Array.from(table.hashes, (h) => off + bucketOf(crossHash(h, a), buckets))) : null;
  const cells = Int32Array.from(table.hashes, (h) => off + bucketOf(h, buckets));
  const src = kind === 'hashHeadline' ? cols.adId : cols.queryText;
  return (idx, k, s0) => {
    for (let i = 0; i < n; i++) {
      const r = at[i] as number;
      const t = src[r] as number;
      if (t >= texts) throw badCode(kind === 'hashHeadline' ? 'adId' : 'queryText index', t, r);
      let c: Int32Array = cells;
      if (perCat !== null) {
        const a = cols.adCat[r] as number;
        if (a >= K) throw badCode('adCat', a, r);
        c = perCat[a]!;
      }
      const start = offsets[t] as number;
      const stop = offsets[t + 1] as number;
      for (let j = start; j < stop; j++) idx[i * k + s0 + j - start] = c[j] as number;
    }
    return width;
  };
}

/** Rows [start, end) as views (no copy). */
export function sliceSparse(x: SparseRows, start: number, end: number): SparseRows {
  return { ...x, n: end - start, idx: x.idx.subarray(start * x.k, end * x.k), num: x.num.subarray(start * x.q, end * x.q) };
}

/** The given rows, copied into a new block. */
export function selectSparse(x: SparseRows, rows: ArrayLike<number>): SparseRows {
  const n = rows.length;
  const idx = new Int32Array(n * x.k);
  const num = new Float32Array(n * x.q);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    idx.set(x.idx.subarray(r * x.k, (r + 1) * x.k), i * x.k);
    num.set(x.num.subarray(r * x.q, (r + 1) * x.q), i * x.q);
  }
  return { ...x, n, idx, num };
}

/** A dense row-major matrix seen as sparse rows: no slots, every column a numeric (shares X's memory). */
export function fromDense(X: Float32Array, d: number): SparseRows {
  const n = d > 0 ? Math.floor(X.length / d) : 0;
  return { n, d, k: 0, idx: new Int32Array(0), q: d, num: X, numCols: Int32Array.from({ length: d }, (_, j) => j) };
}

/** Row i as a dense vector of d values (for display and tests). */
export function denseRow(x: SparseRows, i: number): Float32Array {
  const out = new Float32Array(x.d);
  for (let s = 0; s < x.k; s++) {
    const c = x.idx[i * x.k + s] as number;
    if (c < x.d) out[c] = (out[c] as number) + 1;
  }
  for (let j = 0; j < x.q; j++) out[x.numCols[j] as number] = x.num[i * x.q + j] as number;
  return out;
}

/** Row i's non-zero entries, in column order (column, value). */
export function rowEntries(x: SparseRows, i: number): { column: number; value: number }[] {
  const dense = denseRow(x, i);
  const out: { column: number; value: number }[] = [];
  dense.forEach((v, c) => {
    if (v !== 0) out.push({ column: c, value: v });
  });
  return out;
}

/** Bytes held by a block of sparse rows. */
export function sparseBytes(x: SparseRows): number {
  return x.idx.byteLength + x.num.byteLength + x.numCols.byteLength;
}
