// A small Columns block built from plain arrays (the one-row view of step 3, and tests); missing columns are zeros, weights 1.
import type { ColumnName, Columns } from '../sim/types.ts';

/** Builds a Columns of n rows from whichever columns are given as plain arrays. */
export function columnsFrom(given: Partial<Record<ColumnName, ArrayLike<number>>>, n?: number): Columns {
  const lengths = Object.values(given).map((a) => a.length);
  const rows = n ?? lengths[0] ?? 0;
  if (lengths.some((l) => l !== rows)) throw new Error('columnsFrom: columns of different lengths');
  const col = <T extends Uint8Array | Uint16Array | Uint32Array | Float32Array>(name: ColumnName, make: (len: number) => T, fill = 0): T => {
    const a = make(rows);
    const src = given[name];
    if (src !== undefined) for (let i = 0; i < rows; i++) a[i] = src[i] as number;
    else a.fill(fill);
    return a;
  };
  return {
    n: rows,
    day: col('day', (k) => new Uint8Array(k)),
    hour: col('hour', (k) => new Uint8Array(k)),
    queryCat: col('queryCat', (k) => new Uint8Array(k)),
    queryText: col('queryText', (k) => new Uint16Array(k)),
    intent: col('intent', (k) => new Float32Array(k)),
    device: col('device', (k) => new Uint8Array(k)),
    user: col('user', (k) => new Uint32Array(k)),
    adId: col('adId', (k) => new Uint16Array(k)),
    adCat: col('adCat', (k) => new Uint8Array(k)),
    quality: col('quality', (k) => new Float32Array(k)),
    bid: col('bid', (k) => new Float32Array(k), 1),
    trueScore: col('trueScore', (k) => new Float32Array(k)),
    truth: col('truth', (k) => new Uint8Array(k)),
    label: col('label', (k) => new Uint8Array(k)),
    buggy: col('buggy', (k) => new Uint8Array(k)),
    weight: col('weight', (k) => new Float32Array(k), 1),
  };
}
