// One day of the serving log as it leaves the worker: a copy of its columns and the list of their
// buffers, so it can be transferred (the worker keeps its own copy for the click model).
import type { ImpressionLog } from '../../src/lib/market/index.ts';

/** A day's impression log plus the buffers to transfer. */
export interface LogChunk {
  log: ImpressionLog;
  buffers: ArrayBuffer[];
}

/** Copies a log's columns for transfer. */
export function logColumns(log: ImpressionLog): LogChunk {
  const out: Record<string, unknown> = { n: log.n };
  const buffers: ArrayBuffer[] = [];
  for (const [k, v] of Object.entries(log)) {
    if (ArrayBuffer.isView(v)) {
      const copy = (v as Float32Array).slice();
      out[k] = copy;
      buffers.push(copy.buffer as ArrayBuffer);
    }
  }
  return { log: out as unknown as ImpressionLog, buffers };
}
