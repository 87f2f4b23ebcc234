// Step 2's "Download the data": the dataset built into a CSV or Parquet file in the worker's export
// lane (the latest request wins), with progress and Cancel. The bytes go once to the caller for the
// download; the job keeps only what the file holds and its size.
import type { DatasetFile } from '../lib/lab/types.ts';
import type { FileFormat } from '../lib/sim/file.ts';
import type { Gateway } from './supervisor.ts';
import type { LabApi } from '../../workers/lab.worker.ts';
import { Job } from './job.svelte.ts';
import type { Lane } from './runner.ts';

/** What the export needs of the lab worker's gateway (its lane cancels it). */
export type ExportPort = Gateway<LabApi, 'exportDataset'>;

/** A built file without its bytes: what it holds, its size and its download name. */
export type BuiltFile = Omit<DatasetFile, 'parts'> & { size: number; name: string };

/** A file name safe on every system: the seed's letters, digits, '-' and '_' (others become '_'). */
export function exportName(seed: string, rows: number, format: FileFormat): string {
  return `clickcycle-${seed.replace(/[^A-Za-z0-9_-]/g, '_') || 'seed'}-${rows}.${format}`;
}

export class DataExport {
  readonly job = new Job<BuiltFile>();
  /** The format being built (or last built). */
  #format = $state<FileFormat | null>(null);
  #port: ExportPort | null;
  /** The lab worker's export lane. */
  #lane: Lane;

  constructor(port: ExportPort | null, lane: Lane) {
    this.#port = port;
    this.#lane = lane;
  }

  get available(): boolean {
    return this.#port !== null;
  }

  get format(): FileFormat | null {
    return this.#format;
  }

  /** Builds the dataset's file; resolves with its parts for the download, or null if cancelled, superseded or failed. */
  async build(datasetId: string, format: FileFormat): Promise<{ file: BuiltFile; parts: ArrayBuffer[] } | null> {
    const port = this.#port;
    if (!port) return null;
    this.#format = format;
    let parts: ArrayBuffer[] = [];
    const file = await this.#lane.run({
      job: this.job,
      key: `${datasetId}|${format}`,
      stage: 'waiting for the lab',
      call: async (t) => {
        const { parts: built, ...rest } = await port.exportDataset(datasetId, format, (p) => void t.progress(p.fraction, p.stage));
        parts = built;
        return { ...rest, size: built.reduce((n, p) => n + p.byteLength, 0), name: exportName(rest.params.seed, rest.rows, format) };
      },
    });
    return file ? { file, parts } : null;
  }

  /** The Cancel button: the job goes back to its last file (or nothing). */
  async cancel(): Promise<void> {
    await this.#lane.cancel();
  }
}
