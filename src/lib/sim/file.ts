// A whole CSV or Parquet file of a block of rows, built in memory one chunk at a time with the
// CLI's writers (csv.ts, parquet.ts), so a caller can yield, report progress or stop between chunks.
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { csvHeader, csvRows } from './csv.ts';
import { parquetColumnData, parquetSchema } from './parquet.ts';
import { viewColumns } from './columns.ts';
import type { Columns } from './types.ts';
import type { World } from './world.ts';

/** The two file formats of a dataset export. */
export type FileFormat = 'csv' | 'parquet';

/** Rows per chunk (and per Parquet row group): a chunk of 1M-row data takes ~0.1 s to encode. */
export const FILE_CHUNK_ROWS = 1 << 16;

/** The file's media type, for a download. */
export const MEDIA_TYPES: Record<FileFormat, string> = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet' };

/** A Parquet writer target that sets each finished row group aside as a part (its buffer restarts). */
class PartsWriter extends ByteWriter {
  readonly parts: Uint8Array[] = [];

  flush(): void {
    if (this.index > 0) this.parts.push(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
  }
}

/** The parts laid end to end in one buffer of exactly their length. */
export function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Rows [start, end) of each chunk of a block of n rows. */
function* chunksOf(n: number, chunkRows: number): Generator<[number, number]> {
  for (let start = 0; start < n; start += chunkRows) yield [start, Math.min(n, start + chunkRows)];
}

/** The CSV file chunk by chunk: yields the rows done, returns the file's parts in order. */
function* csvChunks(world: World, cols: Columns, withWeight: boolean, chunkRows: number): Generator<number, Uint8Array[], void> {
  const encoder = new TextEncoder();
  const parts = [encoder.encode(csvHeader(withWeight))];
  for (const [start, end] of chunksOf(cols.n, chunkRows)) {
    parts.push(encoder.encode(csvRows(world, cols, withWeight, start, end)));
    yield end;
  }
  return parts;
}

/** The Parquet file, one row group per chunk: yields the rows done, returns the file's parts in order. */
function* parquetChunks(world: World, cols: Columns, withWeight: boolean, chunkRows: number): Generator<number, Uint8Array[], void> {
  const target = new PartsWriter(1 << 20);
  const writer = new ParquetWriter({ writer: target, schema: parquetSchema(withWeight), createdBy: 'ClickCycle dataset export' });
  for (const [start, end] of chunksOf(cols.n, chunkRows)) {
    // Synchronous: the target's flush returns nothing, so no row group waits on a promise.
    void writer.write({ columnData: parquetColumnData(world, viewColumns(cols, start, end), withWeight), rowGroupSize: end - start });
    yield end;
  }
  void writer.finish();
  return target.parts;
}

/**
 * Encodes the rows as a `format` file chunk by chunk: yields the rows done after each chunk and
 * returns the file as parts to lay end to end (each its own exact buffer, so they can be handed over
 * without ever holding a joined copy). Columns as data/DATA_CARD.md (the `weight` column when `withWeight`).
 */
export function fileChunks(format: FileFormat, world: World, cols: Columns, withWeight: boolean, chunkRows = FILE_CHUNK_ROWS): Generator<number, Uint8Array[], void> {
  return format === 'csv' ? csvChunks(world, cols, withWeight, chunkRows) : parquetChunks(world, cols, withWeight, chunkRows);
}

/** The whole file at once (tests, small blocks). */
export function fileBytes(format: FileFormat, world: World, cols: Columns, withWeight: boolean, chunkRows = FILE_CHUNK_ROWS): Uint8Array {
  const it = fileChunks(format, world, cols, withWeight, chunkRows);
  for (;;) {
    const r = it.next();
    if (r.done) return joinParts(r.value);
  }
}
