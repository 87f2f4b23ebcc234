// Step 2's "Download the data": the dataset built into a CSV or Parquet file in the worker's export
// lane (the latest request wins), with progress and Cancel. The bytes go once to the caller for the
// download; the job keeps only what the file holds and its size.
import type { DatasetFile, JobProgress } from '../lib/lab/types.ts';
import type { FileFormat } from '../lib/sim/file.ts';
import { Job } from './job.svelte.ts';
import { messageOf } from './lab-slot.ts';

/** What the export needs from the lab worker. */
export interface ExportPort {
  exportDataset(datasetId: string, format: FileFormat, onProgress: (p: JobProgress) => void): Promise<DatasetFile>;
  /** Cancels the export lane's job in flight. */
  cancel(): Promise<void>;
}

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
  /** Increments on every request, cancel and interruption; only the latest one's answer is kept. */
  #seq = 0;

  constructor(port: ExportPort | null) {
    this.#port = port;
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
    const mine = ++this.#seq;
    const key = `${datasetId}|${format}`;
    this.#format = format;
    this.job.start(key, 'waiting for the lab');
    try {
      const { parts, ...rest } = await port.exportDataset(datasetId, format, (p) => {
        if (mine === this.#seq) this.job.progress(p.fraction, p.stage);
      });
      if (mine !== this.#seq) return null;
      const file: BuiltFile = { ...rest, size: parts.reduce((n, p) => n + p.byteLength, 0), name: exportName(rest.params.seed, rest.rows, format) };
      this.job.finish(key, file);
      return { file, parts };
    } catch (err) {
      if (mine === this.#seq) this.job.fail(messageOf(err));
      return null;
    }
  }

  /** The Cancel button: the job goes back to its last file (or nothing). */
  async cancel(): Promise<void> {
    this.#seq++;
    if (this.job.status === 'running') this.job.cancelled();
    await this.#port?.cancel().catch(() => undefined);
  }

  /** The worker died: a build in flight is interrupted (press a download button again). */
  interrupt(message: string): void {
    if (this.job.status !== 'running') return;
    this.#seq++;
    this.job.interrupt(message);
  }
}
