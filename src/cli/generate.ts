// `npm run generate -- --seed S --rows N --skew P --noise R --drift X --out file.csv [--neg-keep F] [--format parquet]`:
// writes candidate rows of a simulated world as CSV or Parquet (columns in data/DATA_CARD.md),
// streamed in chunks (Parquet: one row group per chunk) so that any number of rows fits in memory.
// Bad or missing arguments: usage, exit 2.
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { csvHeader, csvRows } from '../lib/sim/csv.ts';
import { parquetColumnData, parquetSchema } from '../lib/sim/parquet.ts';
import type { World } from '../lib/sim/world.ts';
import { generateChunks } from '../lib/sim/generate.ts';
import { DEFAULT_PARAMS, createWorld, validateParams } from '../lib/sim/world.ts';
import { NUM_DAYS } from '../lib/sim/types.ts';

/** Where the command writes its messages (replaceable in tests). */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** The usage text. */
export const USAGE = `usage: npm run generate -- --rows N --out FILE.csv [options]
  --rows N        candidate rows to stream (1 … 1e9)
  --out FILE      file to write (CSV, or Parquet with --format parquet)
  --format F      csv (default) or parquet
  --seed S        world seed (default "${DEFAULT_PARAMS.seed}")
  --skew P        true "should show" rate, 0.00001 … 0.5 (default ${DEFAULT_PARAMS.skew})
  --noise R       annotator miss rate, 0 … 0.5 (default ${DEFAULT_PARAMS.noise})
  --drift X       drift strength, 0 … 1 (default ${DEFAULT_PARAMS.drift})
  --neg-keep F    keep every positive and a fraction F of negatives (0 < F ≤ 1), adds a weight column
  --stream NAME   independent sub-stream name (default "log")
  --days A-B      only days A…B (default 0-${NUM_DAYS - 1})
`;

/** Rows above which progress is reported on stderr. */
const PROGRESS_ROWS = 1_000_000;
/** Candidate rows generated (and formatted) per chunk. */
const CHUNK_ROWS = 1 << 18;

/** Parsed arguments, or an error message. */
interface Args {
  seed: string;
  rows: number;
  skew: number;
  noise: number;
  drift: number;
  out: string;
  negKeep: number;
  stream: string;
  days: [number, number];
  format: 'csv' | 'parquet';
}

const FLAGS = new Set(['--seed', '--rows', '--skew', '--noise', '--drift', '--out', '--neg-keep', '--stream', '--days', '--format']);

/** A finite number from a string, or NaN. */
function num(s: string | undefined): number {
  return s !== undefined && s.trim() !== '' ? Number(s) : NaN;
}

/** Parses argv (without node and script) into Args, or returns the problem in words. */
export function parseArgs(argv: string[]): Args | string {
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (!FLAGS.has(flag)) return `unknown argument: ${flag}`;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    raw.set(flag, value);
    i++;
  }
  const rows = num(raw.get('--rows'));
  if (!Number.isInteger(rows) || rows < 1 || rows > 1e9) return '--rows must be an integer from 1 to 1e9';
  const out = raw.get('--out');
  if (!out) return '--out is required';
  const negKeep = raw.has('--neg-keep') ? num(raw.get('--neg-keep')) : 1;
  if (!(negKeep > 0 && negKeep <= 1)) return '--neg-keep must be in (0, 1]';
  let days: [number, number] = [0, NUM_DAYS - 1];
  if (raw.has('--days')) {
    const m = /^(\d+)-(\d+)$/.exec(raw.get('--days') ?? '');
    const a = Number(m?.[1]);
    const b = Number(m?.[2]);
    if (!m || a > b || b >= NUM_DAYS) return `--days must be A-B with 0 ≤ A ≤ B ≤ ${NUM_DAYS - 1}`;
    days = [a, b];
  }
  const format = raw.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'parquet') return '--format must be csv or parquet';
  const knobs: Record<string, number> = {};
  for (const k of ['skew', 'noise', 'drift'] as const) {
    if (!raw.has(`--${k}`)) continue;
    const v = num(raw.get(`--${k}`));
    if (!Number.isFinite(v)) return `--${k} must be a number`;
    knobs[k] = v;
  }
  const { params, notices } = validateParams({ seed: raw.get('--seed') ?? DEFAULT_PARAMS.seed, ...knobs });
  if (notices.length > 0) return notices.join('; ');
  return { ...params, rows, out, negKeep, stream: raw.get('--stream') ?? 'log', days, format };
}

/** Runs the command; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`error: ${args}\n${USAGE}`);
    return 2;
  }
  const world = createWorld(args);
  const t0 = performance.now();
  const written = args.format === 'parquet' ? await writeParquet(world, args, io) : writeCsv(world, args, io);
  const secs = (performance.now() - t0) / 1000;
  io.stderr(`${args.rows >= PROGRESS_ROWS ? '\n' : ''}wrote ${written} rows to ${args.out} in ${secs.toFixed(1)} s\n`);
  return 0;
}

/** How to draw the rows of a run. */
function streamOptions(args: Args) {
  return { rows: args.rows, stream: args.stream, days: args.days, negKeep: args.negKeep, keepBy: 'label' as const };
}

/** Progress on stderr for large runs. */
function progress(io: CliIo, args: Args, done: number): void {
  if (args.rows >= PROGRESS_ROWS) io.stderr(`\rgenerated ${done.toLocaleString('en')} / ${args.rows.toLocaleString('en')} rows (${Math.round((100 * done) / args.rows)}%)`);
}

/** Streams the rows as CSV; returns the rows written. */
function writeCsv(world: World, args: Args, io: CliIo): number {
  const withWeight = args.negKeep < 1;
  const fd = openSync(args.out, 'w');
  let done = 0;
  let written = 0;
  try {
    writeSync(fd, csvHeader(withWeight));
    for (const chunk of generateChunks(world, streamOptions(args), CHUNK_ROWS)) {
      writeSync(fd, csvRows(world, chunk, withWeight));
      done = Math.min(args.rows, done + CHUNK_ROWS);
      written += chunk.n;
      progress(io, args, done);
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/** Streams the rows as Parquet, one row group per generated chunk; returns the rows written. */
async function writeParquet(world: World, args: Args, io: CliIo): Promise<number> {
  const withWeight = args.negKeep < 1;
  const pq = new ParquetWriter({ writer: fileWriter(args.out), schema: parquetSchema(withWeight), createdBy: 'ClickCycle npm run generate' });
  let done = 0;
  let written = 0;
  for (const chunk of generateChunks(world, streamOptions(args), CHUNK_ROWS)) {
    if (chunk.n > 0) await pq.write({ columnData: parquetColumnData(world, chunk, withWeight), rowGroupSize: chunk.n });
    done = Math.min(args.rows, done + CHUNK_ROWS);
    written += chunk.n;
    progress(io, args, done);
  }
  pq.finish();
  return written;
}

/** Messages to the real process streams. */
function defaultIo(): CliIo {
  return { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
