// The lab worker's memory budget: what a request will need, estimated from its settings before
// anything is allocated, and the refusal of requests that do not fit.
import type { FeatureToggles, ModelKind } from './types.ts';

/** Most the lab worker may need at once (bytes): beyond it a request is refused. */
export const LAB_LIMIT_BYTES = 512 * 2 ** 20;
/** What the lab worker may hold for steps 1–4 at the story's defaults (bytes). */
export const STORY_BUDGET_BYTES = 128 * 2 ** 20;

/** Bytes of one generated row (every column of src/lib/sim/columns.ts). */
export const COLUMN_BYTES_PER_ROW = 36;
/** Upper bounds of the tokens of a query text and of a headline (the text templates give 6 and 8). */
export const MAX_QUERY_TOKENS = 8;
export const MAX_HEADLINE_TOKENS = 12;
/** The tfjs runtime, the worlds, the evaluation streams and the models held besides a request (bytes). */
export const BASE_BYTES = 96 * 2 ** 20;

/** Byte budgets of the worker's caches (least recently used goes first beyond them). */
export const CACHE_BUDGETS = {
  datasets: 192 * 2 ** 20,
  features: 64 * 2 ** 20,
  evalSets: 48 * 2 ** 20,
  models: 32 * 2 ** 20,
} as const;

/**
 * Most all caches together may hold (bytes). Past it the caches whose entries are rebuilt on demand
 * (features, evaluation and drift streams) drop their least recently used entries, so one oversized
 * newest entry (a 2M-row hashed training set is ~200 MB) cannot stack on full caches; the rest of
 * LAB_LIMIT_BYTES is for the running job's working memory.
 */
export const CACHE_POOL_BYTES = 384 * 2 ** 20;

/** Slots of a sparse row for the toggles (one per one-hot and the cross, a token each, the longest text's count). */
export function slotsFor(t: FeatureToggles, queryTokens = MAX_QUERY_TOKENS, headlineTokens = MAX_HEADLINE_TOKENS): number {
  return (t.oneHots ? 4 : 0) + (t.cross ? 1 : 0) + (t.hashed ? queryTokens + headlineTokens : 0);
}

/** Numeric columns of a sparse row. */
export function numericsFor(t: FeatureToggles): number {
  return t.numerics ? 3 : 0;
}

/** Columns of the dense equivalent (8 + 8 + 3 + 6 one-hots, 3 numerics, 64 cross cells, 2 × buckets). */
export function columnsFor(t: FeatureToggles): number {
  return (t.oneHots ? 25 : 0) + numericsFor(t) + (t.cross ? 64 : 0) + (t.hashed ? 2 * t.hashBuckets : 0);
}

/**
 * Rows kept from `rows` candidates when a fraction negKeep of the negatives is kept, an upper bound:
 * every positive stays, and a world's positive rate is about its skew (twice it bounds the noisy labels).
 */
export function keptRows(rows: number, negKeep = 1, skew = 0.5): number {
  return Math.ceil(rows * Math.min(1, negKeep + 2 * skew));
}

/** Bytes of generating `rows` candidate rows: the kept chunks and their concatenation coexist for a moment. */
export function generateBytes(rows: number, negKeep = 1, skew = 0.5): number {
  return 2 * keptRows(rows, negKeep, skew) * COLUMN_BYTES_PER_ROW;
}

/** Bytes of a prepared (split, featurised) dataset: slots and numerics as 4-byte values, labels, weights, the split's indices. */
export function featureBytes(rows: number, t: FeatureToggles): number {
  return rows * (4 * (slotsFor(t) + numericsFor(t)) + 8 + 13);
}

/** What a training run is: its data, features and model settings. */
export interface TrainShape {
  rows: number;
  features: FeatureToggles;
  model: ModelKind;
  hidden: number[];
  batchSize: number;
}

/** Bytes of one training step's tensors: the gathered first-layer rows and their gradient spread dominate. */
export function stepBytes(s: TrainShape): number {
  const k = Math.max(1, slotsFor(s.features));
  const bs = Math.min(s.batchSize, s.rows);
  const widths = s.model === 'logreg' ? [1] : [...s.hidden.filter((h) => h > 0), 1];
  const h0 = widths[0] ?? 1;
  const d = columnsFor(s.features);
  const perBatch = 4 * bs * (4 * k * h0 + 6 * widths.reduce((a, b) => a + b, 0) + 2 * (k + numericsFor(s.features)) + 8);
  // First-layer weights, their gradient, scatter output and Adam's two moments.
  const weights = 4 * 5 * (d + 1) * h0;
  return perBatch + weights;
}

/** Bytes a training run needs at its peak: the dataset, its features, one step, and the base. */
export function trainBytes(s: TrainShape): number {
  return s.rows * COLUMN_BYTES_PER_ROW + featureBytes(s.rows, s.features) + stepBytes(s) + BASE_BYTES;
}

/** "2,000,000" */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "about 900 MB" */
function mb(bytes: number): string {
  return `about ${count(Math.ceil(bytes / 2 ** 20))} MB`;
}

/** The refusal of a request over the limit: it names the settings and the limit. */
export class TooBigError extends Error {
  constructor(settings: string, bytes: number, limit = LAB_LIMIT_BYTES) {
    super(`Too big for the lab: ${settings} needs ${mb(bytes)}, over the ${count(limit / 2 ** 20)} MB limit.`);
    this.name = 'TooBigError';
  }
}

/** Throws TooBigError unless generating `rows` candidate rows (keeping a fraction negKeep of the negatives) fits the limit. */
export function checkGenerate(rows: number, negKeep = 1, skew = 0.5, limit = LAB_LIMIT_BYTES): void {
  const bytes = generateBytes(rows, negKeep, skew) + BASE_BYTES;
  if (bytes > limit) throw new TooBigError(`rows=${count(rows)}${negKeep < 1 ? ` keeping ${negKeep} of the negatives` : ''}`, bytes, limit);
}

/** The settings of a training run that move its memory, in URL terms. */
function describe(s: TrainShape): string {
  const f = s.features;
  const groups = [f.oneHots && 'onehot', f.numerics && 'numeric', f.cross && 'cross', f.hashed && 'hashed'].filter(Boolean).join(',');
  const parts = [`rows=${count(s.rows)}`, `features=${groups || 'none'}${f.hashed ? ` with ${count(f.hashBuckets)} hash buckets` : ''}`];
  if (s.model === 'mlp') parts.push(`model=mlp with hidden=${s.hidden.join('×')}`);
  parts.push(`batch=${count(s.batchSize)}`);
  return parts.join(', ');
}

/** Throws TooBigError unless the training run fits the limit (call before allocating anything). */
export function checkTrain(s: TrainShape, limit = LAB_LIMIT_BYTES): void {
  const bytes = trainBytes(s);
  if (bytes > limit) throw new TooBigError(describe(s), bytes, limit);
}
