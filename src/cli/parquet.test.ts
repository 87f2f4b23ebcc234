// The Parquet export read back by an independent reader (hyparquet): every column of every row
// equals the generator's output for a fixed seed, row groups follow the generated chunks, and the
// file is smaller than the same rows as CSV.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { main } from './generate.ts';
import { generate } from '../lib/sim/generate.ts';
import { createWorld, validateParams } from '../lib/sim/world.ts';
import { firstMismatch } from '../../test/support/export-rows.ts';

/** Runs the command quietly; resolves to its exit code. */
async function run(argv: string[]): Promise<number> {
  return main(argv, { stdout: () => undefined, stderr: () => undefined });
}

/** The file as an ArrayBuffer for hyparquet. */
function bufferOf(path: string): ArrayBuffer {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe('npm run generate -- --format parquet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clickcycle-pq-'));
  const knobs = { seed: 'parquet-check', skew: 0.01, noise: 0.1, drift: 0.8 };

  it('writes the generator’s rows column for column, with a weight column when negatives are downsampled', async () => {
    const out = join(dir, 'a.parquet');
    // 300,000 candidates = two chunks of 2^18 rows or fewer: more than one row group.
    const argv = ['--seed', knobs.seed, '--rows', '300000', '--skew', '0.01', '--noise', '0.1', '--drift', '0.8', '--neg-keep', '0.5', '--out', out, '--format', 'parquet'];
    expect(await run(argv)).toBe(0);
    const buf = bufferOf(out);
    const meta = parquetMetadata(buf);
    expect(meta.row_groups.length).toBe(2);
    const rows = (await parquetReadObjects({ file: buf })) as Record<string, unknown>[];

    const world = createWorld(validateParams(knobs).params);
    const cols = generate(world, { rows: 300_000, stream: 'log', days: [0, 89], negKeep: 0.5, keepBy: 'label' });
    expect(rows.length).toBe(cols.n);
    expect(Number(meta.num_rows)).toBe(cols.n);
    expect(firstMismatch(world, cols, rows, true)).toBeNull();
  });

  it('is smaller than the same rows as CSV', async () => {
    const pq = join(dir, 'b.parquet');
    const csv = join(dir, 'b.csv');
    const common = ['--seed', knobs.seed, '--rows', '100000'];
    expect(await run([...common, '--out', pq, '--format', 'parquet'])).toBe(0);
    expect(await run([...common, '--out', csv])).toBe(0);
    expect(statSync(pq).size).toBeLessThan(statSync(csv).size / 2);
    const rows = await parquetReadObjects({ file: bufferOf(pq) });
    expect(rows.length).toBe(100_000);
    expect(Object.keys(rows[0]!)).not.toContain('weight');
  });

  it('refuses an unknown format with usage and exit code 2', async () => {
    let err = '';
    const code = await main(['--rows', '10', '--out', join(dir, 'x'), '--format', 'xlsx'], { stdout: () => undefined, stderr: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toContain('--format must be csv or parquet');
  });
});
