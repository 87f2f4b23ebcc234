// Datasets held by the worker: worlds (cached by their knobs) and generated blocks of rows.
import { createWorld, type World } from '../../src/lib/sim/world.ts';
import { generateChunks, type GenerateOptions } from '../../src/lib/sim/generate.ts';
import { concatColumns } from '../../src/lib/sim/columns.ts';
import type { Columns, WorldParams } from '../../src/lib/sim/types.ts';
import { CancelledError, nextTask } from './yield.ts';
import { ByteLru } from '../../src/lib/lab/lru.ts';
import { CACHE_BUDGETS, checkGenerate } from '../../src/lib/lab/budget.ts';
import { dropPreparedOf } from './prepared.ts';
import { freshId } from './ids.ts';
import { LAB_POOL } from './pool.ts';
import { worldKey } from '../../src/lib/url/lab-config.ts';
import { labLog } from './log.ts';

/** A generated dataset kept in the worker. */
export interface Dataset {
  id: string;
  params: WorldParams;
  world: World;
  cols: Columns;
  opts: GenerateOptions;
}

/** What to generate: a world and how to draw rows from it. */
export interface GenerateRequest extends GenerateOptions {
  params: WorldParams;
}

/** Candidate rows per chunk: small enough that a cancel lands within ~0.1 s. */
const CHUNK_ROWS = 1 << 18;

/** Bytes of every column of a block of rows. */
export function columnsBytes(c: Columns): number {
  let b = 0;
  for (const v of Object.values(c)) if (ArrayBuffer.isView(v)) b += v.byteLength;
  return b;
}

const worlds = new Map<string, World>();
/** Datasets by id, least recently used dropped first beyond the budget (a 1M-row log is 36 MB). */
const datasets = new ByteLru<string, Dataset>('datasets', CACHE_BUDGETS.datasets, (d) => columnsBytes(d.cols), { pool: LAB_POOL, sheddable: false });

/** The world for these knobs (built once per distinct knob set, a handful kept). */
export function worldFor(params: WorldParams): World {
  const key = worldKey(params);
  let w = worlds.get(key);
  if (!w) {
    if (worlds.size >= 4) worlds.delete(worlds.keys().next().value!);
    w = createWorld(params);
    worlds.set(key, w);
  }
  return w;
}

/** Streams rows in chunks, yielding between chunks so cancel and progress get through. */
export async function generateRows(world: World, opts: GenerateOptions, onFraction?: (f: number) => void, cancelled?: () => boolean): Promise<Columns> {
  const chunks: Columns[] = [];
  let done = 0;
  for (const c of generateChunks(world, opts, CHUNK_ROWS)) {
    chunks.push(c);
    done = Math.min(opts.rows, done + CHUNK_ROWS);
    onFraction?.(opts.rows > 0 ? done / opts.rows : 1);
    await nextTask();
    if (cancelled?.()) throw new CancelledError();
  }
  return chunks.length === 1 ? chunks[0]! : concatColumns(chunks);
}

/** Generates and stores a dataset. */
export async function createDataset(req: GenerateRequest, onFraction?: (f: number) => void, cancelled?: () => boolean): Promise<Dataset> {
  checkGenerate(req.rows, req.negKeep, req.params.skew);
  const world = worldFor(req.params);
  const { params, ...opts } = req;
  const cols = await generateRows(world, opts, onFraction, cancelled);
  return addDataset({ params: world.params, world, cols, opts });
}

/** Stores rows derived from a world (relabelled, collected, a window of days) as a new dataset. */
export function addDataset(d: Omit<Dataset, 'id'>): Dataset {
  const ds: Dataset = { ...d, id: freshId('d').id };
  const before = datasets.keys();
  datasets.set(ds.id, ds);
  for (const id of before) if (!datasets.has(id)) dropPreparedOf(id);
  return ds;
}

/** A stored dataset, or a clear error. */
export function getDataset(id: string): Dataset {
  const ds = datasets.get(id);
  if (!ds) labLog(`asked for dataset ${id}, which is not held (held: ${datasets.keys().join(', ') || 'none'})`);
  if (!ds) throw new Error(`unknown dataset ${id} (datasets beyond the lab's ${CACHE_BUDGETS.datasets / 2 ** 20} MB budget are dropped, least recently used first; a job that needs it makes it again from the link’s settings)`);
  return ds;
}

/** Holds a dataset for a job until the returned release is called: the budget never drops it meanwhile. */
export function holdDataset(id: string): () => void {
  return datasets.pin(id);
}

/** Drops every dataset no job holds, as a full budget would (a test hook); returns their ids. */
export function shedUnheldDatasets(): string[] {
  const gone = datasets.shedUnheld('shed on request (a test of a full budget)');
  for (const id of gone) dropPreparedOf(id);
  return gone;
}

/** Forgets a dataset (its memory is freed by the garbage collector). */
export function disposeDataset(id: string): boolean {
  dropPreparedOf(id);
  return datasets.delete(id);
}

/** What the dataset cache holds, for the memory report. */
export function datasetStats() {
  return datasets.stats();
}

/** Ids of the stored datasets. */
export function datasetIds(): string[] {
  return datasets.keys();
}
