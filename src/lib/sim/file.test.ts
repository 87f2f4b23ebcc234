// The in-memory export files read back by an independent reader: every column of every row of the
// Parquet bytes equals the generator's output for a fixed seed, one row group per chunk; the CSV
// bytes equal toCsv's text and the file `npm run generate` writes for the same rows.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { fileBytes, fileChunks, joinParts } from './file.ts';
import { toCsv } from './csv.ts';
import { generate } from './generate.ts';
import { createWorld, validateParams } from './world.ts';
import { main } from '../../cli/generate.ts';
import { firstMismatch } from '../../../test/support/export-rows.ts';

const knobs = { seed: 'export-check', skew: 0.01, noise: 0.1, drift: 0.8 };
const world = createWorld(validateParams(knobs).params);
/** 50,000 candidates, every positive and half the negatives kept: a weight column. */
const weighted = generate(world, { rows: 50_000, negKeep: 0.5, keepBy: 'label' });
/** 30,000 candidates, all kept: no weight column. */
const plain = generate(world, { rows: 30_000 });

/** A file's bytes as an ArrayBuffer of exactly their length. */
function bufferOf(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe('dataset export files built in memory', () => {
  it('Parquet: every column of every row read back with hyparquet equals the generator’s, one row group per chunk', async () => {
    for (const [cols, withWeight] of [[weighted, true], [plain, false]] as const) {
      const buf = bufferOf(fileBytes('parquet', world, cols, withWeight, 10_000));
      const meta = parquetMetadata(buf);
      expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual(Array.from({ length: Math.ceil(cols.n / 10_000) }, (_, i) => Math.min(10_000, cols.n - i * 10_000)));
      expect(meta.schema.slice(1).map((s) => s.name).includes('weight')).toBe(withWeight);
      const rows = (await parquetReadObjects({ file: buf })) as Record<string, unknown>[];
      expect(firstMismatch(world, cols, rows, withWeight)).toBeNull();
    }
  });

  it('CSV: the bytes are toCsv’s text, and the same file as npm run generate writes', async () => {
    const decoded = new TextDecoder().decode(fileBytes('csv', world, weighted, true, 7_000));
    expect(decoded).toBe(toCsv(world, weighted, true));
    expect(new TextDecoder().decode(fileBytes('csv', world, plain, false))).toBe(toCsv(world, plain, false));
    const out = join(mkdtempSync(join(tmpdir(), 'clickcycle-file-')), 'w.csv');
    const argv = ['--seed', knobs.seed, '--rows', '50000', '--skew', '0.01', '--noise', '0.1', '--drift', '0.8', '--neg-keep', '0.5', '--out', out];
    expect(await main(argv, { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(decoded);
  });

  it('yields the rows done after each chunk and returns the whole file', () => {
    const it = fileChunks('csv', world, plain, false, 12_000);
    const done: number[] = [];
    let r = it.next();
    while (!r.done) {
      done.push(r.value);
      r = it.next();
    }
    expect(done).toEqual([12_000, 24_000, 30_000].map((n) => Math.min(n, plain.n)));
    expect(joinParts(r.value).byteLength).toBe(new TextEncoder().encode(toCsv(world, plain, false)).byteLength);
  });

  it('joins parts end to end', () => {
    expect([...joinParts([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)])]).toEqual([1, 2, 3]);
  });
});
