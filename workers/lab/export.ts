// The dataset export: a generated dataset as a CSV or Parquet file, built chunk by chunk in the
// worker (progress and cancel between chunks) and handed over as its transferred parts, never joined. A file
// estimated over EXPORT_LIMIT_BYTES is refused before it is built.
import { transfer } from 'comlink';
import type { DatasetFile, JobProgress } from '../lab-types.ts';
import { fileBytes, fileChunks, type FileFormat } from '../../src/lib/sim/file.ts';
import { parquetColumns } from '../../src/lib/sim/parquet.ts';
import { viewColumns } from '../../src/lib/sim/columns.ts';
import { TooBigError } from '../../src/lib/lab/budget.ts';
import { getDataset, type Dataset } from './datasets.ts';
import { holding } from './holds.ts';
import { runJob } from './jobs.ts';
import { CancelledError, nextTask } from './yield.ts';
import type { OnProgress } from './control.ts';

/** Largest file the lab builds (bytes), on top of the dataset it comes from. */
export const EXPORT_LIMIT_BYTES = 256 * 2 ** 20;
/** Rows encoded to estimate a file's size. */
const SAMPLE_ROWS = 8192;

/** True when the dataset kept a fraction of its negatives: the file gets the `weight` column (as `npm run generate --neg-keep`). */
export function isWeighted(ds: Dataset): boolean {
  return (ds.opts.negKeep ?? 1) < 1;
}

/** The file's size (bytes) extrapolated from its first rows encoded the same way (for Parquet an upper
 * bound: a dictionary costs less per row over more rows). */
export function estimateFileBytes(format: FileFormat, ds: Dataset): number {
  const n = Math.min(ds.cols.n, SAMPLE_ROWS);
  if (n === 0) return fileBytes(format, ds.world, ds.cols, isWeighted(ds)).byteLength;
  const sample = fileBytes(format, ds.world, viewColumns(ds.cols, 0, n), isWeighted(ds)).byteLength;
  return Math.ceil((sample * ds.cols.n) / n);
}

/** Throws TooBigError unless the file is estimated within `limit`; returns the estimate. */
export function checkExport(format: FileFormat, ds: Dataset, limit = EXPORT_LIMIT_BYTES): number {
  const bytes = estimateFileBytes(format, ds);
  if (bytes > limit) throw new TooBigError(`rows=${ds.cols.n.toLocaleString('en-US')} as a ${format === 'csv' ? 'CSV' : 'Parquet'} file`, bytes, limit);
  return bytes;
}

/** Builds the file in the export lane (it neither cancels nor is cancelled by data and training jobs). */
export async function buildFile(datasetId: string, format: FileFormat, onProgress?: OnProgress<JobProgress>): Promise<DatasetFile> {
  return runJob(
    async (token) => {
      const t0 = performance.now();
      const ds = getDataset(datasetId);
      checkExport(format, ds);
      const withWeight = isWeighted(ds);
      const chunks = fileChunks(format, ds.world, ds.cols, withWeight);
      let last = 0;
      for (;;) {
        const step = chunks.next();
        if (step.done) {
          // Each part must own exactly its buffer to be transferred (a view would carry its whole buffer).
          const parts = step.value.map((p) => (p.byteOffset === 0 && p.byteLength === p.buffer.byteLength ? p : p.slice()).buffer as ArrayBuffer);
          return { format, parts, datasetId, params: ds.params, rows: ds.cols.n, columns: parquetColumns(withWeight), millis: performance.now() - t0 };
        }
        const now = performance.now();
        if (now - last >= 100) {
          last = now;
          onProgress?.({ fraction: ds.cols.n > 0 ? step.value / ds.cols.n : 1, stage: `writing ${step.value.toLocaleString('en')} rows as ${format === 'csv' ? 'CSV' : 'Parquet'}` });
        }
        await nextTask();
        if (token.cancelled) throw new CancelledError();
      }
    },
    { lane: 'export', label: 'export', hold: holding({ datasets: [datasetId] }) },
  );
}

export const exportApi = {
  /** A dataset as a CSV or Parquet file (columns of data/DATA_CARD.md); the bytes come by transfer. */
  async exportDataset(datasetId: string, format: FileFormat, onProgress?: OnProgress<JobProgress>): Promise<DatasetFile> {
    const file = await buildFile(datasetId, format, onProgress);
    return transfer(file, file.parts);
  },
};
