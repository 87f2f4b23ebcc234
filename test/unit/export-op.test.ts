// The worker's dataset export: the file of a stored dataset read back equals its rows (with the
// weight column when negatives were downsampled), a cancel lands between chunks, and a file
// estimated over the limit is refused with the budget's wording before it is built.
import { expect, test } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { buildFile, checkExport, estimateFileBytes, EXPORT_LIMIT_BYTES } from '../../workers/lab/export.ts';
import { createDataset } from '../../workers/lab/datasets.ts';
import { cancelJobs } from '../../workers/lab/jobs.ts';
import { toCsv } from '../../src/lib/sim/csv.ts';
import { validateParams } from '../../src/lib/sim/world.ts';
import { firstMismatch } from '../support/export-rows.ts';
import { joinParts } from '../../src/lib/sim/file.ts';
import type { DatasetFile } from '../../src/lib/lab/types.ts';

/** The file's parts laid end to end. */
function whole(file: DatasetFile): ArrayBuffer {
  return joinParts(file.parts.map((p) => new Uint8Array(p))).buffer as ArrayBuffer;
}

const params = validateParams({ seed: 'export-op', skew: 0.02, noise: 0.1, drift: 0.5 }).params;

test('a downsampled dataset exports as Parquet with its weight column, every row equal to the dataset', async () => {
  const ds = await createDataset({ params, rows: 150_000, negKeep: 0.25, keepBy: 'label' });
  const fractions: number[] = [];
  const file = await buildFile(ds.id, 'parquet', (p) => fractions.push(p.fraction));
  expect(file.columns.at(-1)).toBe('weight');
  expect(file.rows).toBe(ds.cols.n);
  const rows = (await parquetReadObjects({ file: whole(file) })) as Record<string, unknown>[];
  expect(firstMismatch(ds.world, ds.cols, rows, true)).toBeNull();
  expect(fractions.every((f) => f > 0 && f <= 1)).toBe(true);
  // The estimate from the first rows is within a factor of two of the real size.
  const est = estimateFileBytes('parquet', ds);
  expect(est).toBeGreaterThan(whole(file).byteLength / 2);
  expect(est).toBeLessThan(whole(file).byteLength * 2);
});

test('a plain dataset exports as CSV equal to toCsv, without a weight column', async () => {
  const ds = await createDataset({ params, rows: 20_000 });
  const file = await buildFile(ds.id, 'csv');
  expect(file.columns).not.toContain('weight');
  expect(new TextDecoder().decode(whole(file))).toBe(toCsv(ds.world, ds.cols, false));
  expect(Math.abs(estimateFileBytes('csv', ds) / whole(file).byteLength - 1)).toBeLessThan(0.05);
});

test('a cancel stops the export between chunks', async () => {
  const ds = await createDataset({ params, rows: 400_000 });
  let cancelled = false;
  const job = buildFile(ds.id, 'csv', () => {
    if (!cancelled) cancelled = cancelJobs('export');
  });
  await expect(job).rejects.toThrow('cancelled');
  expect(cancelled).toBe(true);
});

test('a file estimated over the limit is refused in the budget’s words', async () => {
  const ds = await createDataset({ params, rows: 20_000 });
  expect(() => checkExport('csv', ds, 2 ** 20)).toThrow(/^Too big for the lab: rows=20,000 as a CSV file needs about [\d,]+ MB, over the 1 MB limit\.$/);
  expect(checkExport('parquet', ds)).toBeLessThan(EXPORT_LIMIT_BYTES);
});
