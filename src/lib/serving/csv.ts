// The serving log as CSV, one day chunk at a time (a generator of text parts, so a Blob can be
// built without one giant string).
import type { ImpressionLog } from '../market/types.ts';

/** Columns written, in order. */
export const LOG_CSV_COLUMNS = ['day', 'hour', 'query', 'queryCat', 'device', 'user', 'adId', 'adCat', 'bid', 'position', 'clicked'] as const;

/** The header line, then one part per chunk. */
export function* logCsvParts(chunks: Iterable<ImpressionLog>): Generator<string> {
  yield LOG_CSV_COLUMNS.join(',') + '\n';
  for (const c of chunks) {
    const lines: string[] = [];
    for (let i = 0; i < c.n; i++) lines.push(LOG_CSV_COLUMNS.map((k) => (k === 'bid' ? (c.bid[i] as number).toFixed(4) : String(c[k][i]))).join(','));
    yield lines.join('\n') + (lines.length > 0 ? '\n' : '');
  }
}
