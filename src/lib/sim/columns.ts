// Helpers for columnar blocks of rows: allocate, slice, view, concatenate, select.
import type { ColumnName, Columns } from './types.ts';

/** Every typed-array column, in CSV and transfer order. */
export const COLUMN_NAMES: readonly ColumnName[] = [
  'day',
  'hour',
  'queryCat',
  'queryText',
  'intent',
  'device',
  'user',
  'adId',
  'adCat',
  'quality',
  'bid',
  'trueScore',
  'truth',
  'label',
  'buggy',
  'weight',
];

/** A zero-filled block of n rows (weights set to 1). */
export function allocColumns(n: number): Columns {
  const c: Columns = {
    n,
    day: new Uint8Array(n),
    hour: new Uint8Array(n),
    queryCat: new Uint8Array(n),
    queryText: new Uint16Array(n),
    intent: new Float32Array(n),
    device: new Uint8Array(n),
    user: new Uint32Array(n),
    adId: new Uint16Array(n),
    adCat: new Uint8Array(n),
    quality: new Float32Array(n),
    bid: new Float32Array(n),
    trueScore: new Float32Array(n),
    truth: new Uint8Array(n),
    label: new Uint8Array(n),
    buggy: new Uint8Array(n),
    weight: new Float32Array(n),
  };
  c.weight.fill(1);
  return c;
}

/** Applies `f` to every column, building a block of n rows. */
function mapColumns(src: Columns, n: number, f: (a: Columns[ColumnName]) => Columns[ColumnName]): Columns {
  const out = { n } as Record<string, unknown>;
  for (const name of COLUMN_NAMES) out[name] = f(src[name]);
  return out as unknown as Columns;
}

/** A copy of rows [start, end). */
export function sliceColumns(c: Columns, start: number, end: number): Columns {
  return mapColumns(c, Math.max(0, end - start), (a) => a.slice(start, end));
}

/** A view (no copy) of rows [start, end): writes go to the parent block. */
export function viewColumns(c: Columns, start: number, end: number): Columns {
  return mapColumns(c, Math.max(0, end - start), (a) => a.subarray(start, end));
}

/** One block holding the rows of all blocks, in order. */
export function concatColumns(blocks: Columns[]): Columns {
  const n = blocks.reduce((s, b) => s + b.n, 0);
  const out = allocColumns(n);
  let at = 0;
  for (const b of blocks) {
    for (const name of COLUMN_NAMES) (out[name] as { set(a: ArrayLike<number>, o: number): void }).set(b[name], at);
    at += b.n;
  }
  return out;
}

/** A copy of the rows at the given indices, in that order. */
export function selectRows(c: Columns, indices: ArrayLike<number>): Columns {
  const out = allocColumns(indices.length);
  for (const name of COLUMN_NAMES) {
    const src = c[name];
    const dst = out[name];
    for (let i = 0; i < indices.length; i++) dst[i] = src[indices[i] as number] as number;
  }
  return out;
}

/** The underlying buffers of a block, for postMessage transfer lists. */
export function columnBuffers(c: Columns): ArrayBuffer[] {
  return COLUMN_NAMES.map((name) => c[name].buffer as ArrayBuffer);
}
