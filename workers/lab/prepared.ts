// Training sets: a seeded train/validation split of a dataset, featurised once into sparse rows and
// kept in a byte-budgeted cache (a 1M-row set is ~40 MB), so a retrain with other model settings is quick.
import type { Columns } from '../../src/lib/sim/types.ts';
import type { FeatureToggles, FoldSpec } from '../lab-types.ts';
import type { Dataset } from './datasets.ts';
import { fitToggles, type FittedFeatures } from './featurize.ts';
import type { Matrix } from './model.ts';
import { range, streamFor } from '../../src/lib/rng.ts';
import { sparseBytes, transformSparse } from '../../src/lib/features/sparse.ts';
import { ByteLru } from '../../src/lib/lab/lru.ts';
import { CACHE_BUDGETS } from '../../src/lib/lab/budget.ts';
import { buildSlotPlan, type SlotPlan } from './slot-plan.ts';
import { LAB_POOL } from './pool.ts';

/** A dataset split and featurised for training. */
export interface Prepared {
  key: string;
  features: FittedFeatures;
  /** Training rows in random order (shuffled blocks of consecutive rows). */
  train: Matrix;
  val: Matrix;
  valRows: Uint32Array;
  millis: number;
  /** Bytes held (the sparse sets plus their slot plans). */
  bytes: number;
  /** The training rows' slots sorted per batch, by batch size (built on the first run at that size). */
  plans: Map<number, SlotPlan>;
}

/** Rows per block of the training order: blocks are shuffled, rows within a block stay in order,
 * so featurising reads the columns almost sequentially (2–3× faster than fully random order). */
const BLOCK_ROWS = 256;

/** Prepared sets by key, least recently used dropped first beyond the budget. */
const cache = new ByteLru<string, Prepared>('features', CACHE_BUDGETS.features, (p) => p.bytes, { pool: LAB_POOL, sheddable: true });

/** Bytes of a prepared set's arrays. */
function matrixBytes(m: Matrix): number {
  return sparseBytes(m.x) + m.y.byteLength + m.w.byteLength;
}

/**
 * A seeded split: validation rows drawn at random (ascending), or one of k folds (random rows, or
 * a block of days from `days`), training rows as the rest in shuffled blocks of BLOCK_ROWS consecutive rows.
 */
export function splitRows(n: number, validationFraction: number, seed: string, fold?: FoldSpec, days?: ArrayLike<number>): { trainRows: Uint32Array; valRows: Uint32Array } {
  const rand = streamFor(seed, 'split');
  const perm = rand.shuffle(range(n));
  let valRows: Uint32Array;
  let isVal: Uint8Array = new Uint8Array(n);
  if (fold) {
    // Fold i holds the i-th block of days, or the rows at permutation positions [i·n/k, (i+1)·n/k): the k folds partition the rows.
    const { k, index } = fold;
    if (!(Number.isInteger(k) && k >= 2 && Number.isInteger(index) && index >= 0 && index < k)) throw new Error(`fold ${index} of ${k} is not a valid fold`);
    if (fold.by === 'day') {
      if (!days) throw new Error('day folds need the day column');
      isVal = dayFoldMarks(n, days, k, index, fold.gapDays ?? 0);
      valRows = Uint32Array.from(range(n).filter((i) => isVal[i] === 1));
    } else valRows = perm.slice(Math.floor((index * n) / k), Math.floor(((index + 1) * n) / k)).sort();
  } else {
    const nVal = Math.min(n - 1, Math.max(0, Math.round(n * validationFraction)));
    valRows = perm.slice(0, nVal).sort();
  }
  for (const r of valRows) isVal[r] = 1;
  let nRest = 0;
  for (let i = 0; i < n; i++) if (!isVal[i]) nRest++;
  const rest = new Uint32Array(nRest);
  for (let i = 0, k = 0; i < n; i++) if (!isVal[i]) rest[k++] = i;
  const blocks = rand.shuffle(range(Math.ceil(rest.length / BLOCK_ROWS)));
  const trainRows = new Uint32Array(rest.length);
  let k = 0;
  for (const b of blocks) {
    const part = rest.subarray(b * BLOCK_ROWS, (b + 1) * BLOCK_ROWS);
    trainRows.set(part, k);
    k += part.length;
  }
  return { trainRows, valRows };
}

/**
 * Day fold `index` of `k` (grouped, buffered k-fold): the days the rows span cut into k contiguous
 * ranges; fold `index` holds out one range, and rows within `gapDays` days of it are left out of
 * training too, so a labelling batch that straddles the range edge is never learned by the model
 * that scores it. Marks each row 1 (held out), 2 (buffer: neither trained on nor scored) or 0 (training).
 */
export function dayFoldMarks(n: number, days: ArrayLike<number>, k: number, index: number, gapDays: number): Uint8Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = days[i] as number;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  const from = lo + Math.floor((index * span) / k);
  const to = lo + Math.floor(((index + 1) * span) / k);
  const marks = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = days[i] as number;
    if (d >= from && d < to) marks[i] = 1;
    else if (d >= from - gapDays && d < to + gapDays) marks[i] = 2;
  }
  return marks;
}

/** Labels and weights of the given rows as float32 vectors. */
function labelsOf(c: Columns, rows: Uint32Array): { y: Float32Array; w: Float32Array } {
  const y = new Float32Array(rows.length);
  const w = new Float32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    y[k] = c.label[rows[k]!]!;
    w[k] = c.weight[rows[k]!]!;
  }
  return { y, w };
}

/** Splits with `seed`, fits the features on the training rows only, and builds both sparse sets. */
export function prepare(ds: Dataset, toggles: FeatureToggles, seed: string, validationFraction: number, fold?: FoldSpec): Prepared {
  const key = JSON.stringify([ds.id, toggles, seed, validationFraction, fold ?? null]);
  const hit = cache.get(key);
  if (hit) return hit;
  const t0 = performance.now();
  const c = ds.cols;
  const { trainRows, valRows } = splitRows(c.n, validationFraction, seed, fold, c.day);
  const features = fitToggles(toggles, ds.world, c, trainRows);
  const tr = transformSparse(features, c, trainRows);
  const va = transformSparse(features, c, valRows);
  const train: Matrix = { x: tr, n: tr.n, d: tr.d, ...labelsOf(c, trainRows) };
  const val: Matrix = { x: va, n: va.n, d: va.d, ...labelsOf(c, valRows) };
  const p: Prepared = { key, features, train, val, valRows, millis: performance.now() - t0, bytes: matrixBytes(train) + matrixBytes(val) + valRows.byteLength, plans: new Map() };
  cache.set(key, p);
  return p;
}

/**
 * The training rows' slot plan for a batch size, kept with the set (the newest plan only, so a
 * batch-size sweep does not pile them up); null if the batch size cannot be planned.
 */
export function slotPlanOf(p: Prepared, batchSize: number): SlotPlan | null {
  const bs = Math.max(1, Math.min(batchSize, p.train.n));
  const hit = p.plans.get(bs);
  if (hit) return hit;
  const plan = buildSlotPlan(p.train.x, bs);
  for (const old of p.plans.values()) p.bytes -= old.bytes;
  p.plans.clear();
  if (!plan) return null;
  p.plans.set(bs, plan);
  p.bytes += plan.bytes;
  // Re-weigh the entry (if it is still cached) now that it holds the plan.
  if (cache.peek(p.key) === p) cache.set(p.key, p);
  return plan;
}

/** Drops the cached sets (frees their memory). */
export function clearPrepared(): void {
  cache.clear();
}

/** Drops the sets built from a dataset (when the dataset goes). */
export function dropPreparedOf(datasetId: string): void {
  for (const k of cache.keys()) if ((JSON.parse(k) as unknown[])[0] === datasetId) cache.delete(k);
}

/** What the cache holds, for the memory report. */
export function preparedStats() {
  return cache.stats();
}
