// Applying a fitted spec to rows: a dense row-major Float32Array, filled block by block over
// cache-sized chunks of rows.
import type { Columns } from '../sim/types.ts';
import { CATEGORIES } from '../sim/types.ts';
import { checkRows, logBid, numericSource, oneHotSource, type FittedFeatures, type TokenTable } from './fit.ts';
import { bucketOf, crossHash } from './hash.ts';
import { HOURS_PER_BUCKET, layout, ONE_HOT_VALUES, type Block, type OneHotName } from './spec.ts';

/** A feature matrix: row i of the input is X[i·d … i·d + d). */
export interface FeatureMatrix {
  X: Float32Array;
  n: number;
  d: number;
  names: string[];
}

/** Rows per chunk: a chunk of the matrix (≈ 1–2 MB at d ≈ 100) stays in cache while every block writes to it. */
const CHUNK_ROWS = 4096;

/** Fills the columns of one block for matrix rows [start, end). */
type Writer = (start: number, end: number) => void;

/** Column of each token of each text within its block (hash mod buckets), as typed arrays for the hot loop. */
function bucketTable(t: TokenTable, buckets: number, adCat?: number): { offsets: Uint32Array; cells: Uint32Array } {
  const cells = Uint32Array.from(t.hashes, (h) => bucketOf(adCat === undefined ? h : crossHash(h, adCat), buckets));
  return { offsets: Uint32Array.from(t.offsets), cells };
}

function badCode(what: string, value: number, row: number): Error {
  return new Error(`features: ${what} ${value} at row ${row} is out of range`);
}

/**
 * Transforms `rows` of `cols` (all rows when omitted) with the fitted statistics and token tables.
 * The same fitted object gives the same columns for new rows, as serving needs.
 */
export function transform(f: FittedFeatures, cols: Columns, rows?: Uint32Array): FeatureMatrix {
  if (rows !== undefined) checkRows(rows, cols.n, 'row');
  const n = rows === undefined ? cols.n : rows.length;
  const d = f.d;
  const X = new Float32Array(n * d);
  const index = rows ?? null;
  let numericIndex = 0;
  const writers = layout(f.spec).map((b) => writer(b, f, cols, X, d, index, b.kind === 'numeric' ? numericIndex++ : -1));
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const end = Math.min(n, start + CHUNK_ROWS);
    for (const w of writers) w(start, end);
  }
  return { X, n, d, names: f.names.slice() };
}

/** The writer of one block; `rows` maps matrix row i to column row rows[i] (identity when null). */
function writer(b: Block, f: FittedFeatures, cols: Columns, X: Float32Array, d: number, rows: Uint32Array | null, numericIndex: number): Writer {
  const off = b.offset;
  const K = CATEGORIES.length;
  switch (b.kind) {
    case 'oneHot': {
      const src = oneHotSource(cols, b.name);
      const div = b.name === 'hourBucket' ? HOURS_PER_BUCKET : 1;
      const size = ONE_HOT_VALUES[b.name].length;
      return (start, end) => {
        for (let i = start; i < end; i++) {
          const r = rows === null ? i : (rows[i] as number);
          const c = Math.floor((src[r] as number) / div);
          if (c >= size) throw badCode(b.name, src[r] as number, r);
          X[i * d + off + c] = 1;
        }
      };
    }
    case 'numeric': {
      const stats = f.numeric[numericIndex];
      if (stats === undefined || stats.name !== b.name) throw new Error(`features: fitted statistics missing for ${b.name}`);
      const { values, log } = numericSource(cols, b.name);
      const { mean, std } = stats;
      return (start, end) => {
        for (let i = start; i < end; i++) {
          const v = values[rows === null ? i : (rows[i] as number)] as number;
          X[i * d + off] = ((log ? logBid(v) : v) - mean) / std;
        }
      };
    }
    case 'cross':
      return (start, end) => {
        for (let i = start; i < end; i++) {
          const r = rows === null ? i : (rows[i] as number);
          const q = cols.queryCat[r] as number;
          const a = cols.adCat[r] as number;
          if (q >= K) throw badCode('queryCat', q, r);
          if (a >= K) throw badCode('adCat', a, r);
          X[i * d + off + q * K + a] = 1;
        }
      };
    case 'hashQuery':
    case 'hashHeadline': {
      const query = b.kind === 'hashQuery';
      const table = query ? f.queryTokens : f.headlineTokens;
      if (table === null) throw new Error(`features: fitted token table missing for ${b.kind}`);
      const { offsets, cells } = bucketTable(table, b.size);
      const texts = offsets.length - 1;
      const src = query ? cols.queryText : cols.adId;
      return (start, end) => {
        for (let i = start; i < end; i++) {
          const r = rows === null ? i : (rows[i] as number);
          const t = src[r] as number;
          if (t >= texts) throw badCode(query ? 'queryText index' : 'adId', t, r);
          const base = i * d + off;
          const stop = offsets[t + 1] as number;
          for (let k = offsets[t] as number; k < stop; k++) {
            const j = base + (cells[k] as number);
            X[j] = (X[j] as number) + 1;
          }
        }
      };
    }
    case 'hashQueryAdCat': {
      const table = f.queryTokens;
      if (table === null) throw new Error('features: fitted query token table missing');
      const perCat = CATEGORIES.map((_, a) => bucketTable(table, b.size, a).cells);
      const offsets = Uint32Array.from(table.offsets);
      const texts = offsets.length - 1;
      return (start, end) => {
        for (let i = start; i < end; i++) {
          const r = rows === null ? i : (rows[i] as number);
          const t = cols.queryText[r] as number;
          const a = cols.adCat[r] as number;
          if (t >= texts) throw badCode('queryText index', t, r);
          if (a >= K) throw badCode('adCat', a, r);
          const cells = perCat[a] as Uint32Array;
          const base = i * d + off;
          const stop = offsets[t + 1] as number;
          for (let k = offsets[t] as number; k < stop; k++) {
            const j = base + (cells[k] as number);
            X[j] = (X[j] as number) + 1;
          }
        }
      };
    }
  }
}
