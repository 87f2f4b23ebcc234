// Fitting a spec to data: numeric statistics from the training rows only, and each text's token
// hashes computed once. The result is plain data (numbers, strings, arrays): it can be posted to a
// serving worker or written as JSON, and transforms new rows exactly as it transformed the old.
import type { Columns } from '../sim/types.ts';
import { featureCount, featureNames, validateSpec, type FeatureSpec, type NumericName, type OneHotName } from './spec.ts';
import { bucketOf, fnv1a32, tokenize } from './hash.ts';

/** The world's text tables: query texts by `queryText` index, ad headlines by `adId`. */
export interface TextTables {
  queryTexts: readonly string[];
  adHeadlines: readonly string[];
}

/** Mean and standard deviation of one numeric column over the training rows (unweighted: scaling needs no exact population moments). */
export interface NumericStats {
  name: NumericName;
  mean: number;
  /** Population standard deviation; 1 when the column is constant on the training rows. */
  std: number;
}

/** Token hashes of each text, in compressed-row form: text t owns hashes[offsets[t] … offsets[t+1]). */
export interface TokenTable {
  offsets: number[];
  /** FNV-1a 32-bit hashes of the tokens (unsigned), in text order, repeats kept. */
  hashes: number[];
}

/** A fitted feature transform (plain serialisable data). */
export interface FittedFeatures {
  spec: FeatureSpec;
  /** Number of columns. */
  d: number;
  names: string[];
  /** Statistics of the spec's numeric columns, in spec order. */
  numeric: NumericStats[];
  /** Present when a query-token block is on. */
  queryTokens: TokenTable | null;
  /** Present when the headline-token block is on. */
  headlineTokens: TokenTable | null;
  /** For each hash bucket, up to 3 tokens that land in it ("lisbon, tokyo"), to read the weights of hashed columns. */
  bucketHints: { query: string[]; headline: string[] };
  /** Number of rows the statistics were computed on. */
  trainRows: number;
}

/** The codes of a one-hot feature's column (the hour for the hour bucket). */
export function oneHotSource(cols: Columns, name: OneHotName): Uint8Array {
  switch (name) {
    case 'queryCat':
      return cols.queryCat;
    case 'adCat':
      return cols.adCat;
    case 'device':
      return cols.device;
    case 'hourBucket':
      return cols.hour;
  }
}

/** The raw value of a numeric feature at row r (before standardisation). */
export function numericSource(cols: Columns, name: NumericName): { values: Float32Array; log: boolean } {
  switch (name) {
    case 'intent':
      return { values: cols.intent, log: false };
    case 'quality':
      return { values: cols.quality, log: false };
    case 'logBid':
      return { values: cols.bid, log: true };
  }
}

/** ln of a bid, floored at 1e-6 dollars so a zero bid stays finite. */
export function logBid(bid: number): number {
  return Math.log(bid > 1e-6 ? bid : 1e-6);
}

/** Throws unless every row index is below n. */
export function checkRows(rows: Uint32Array, n: number, what: string): void {
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as number) >= n) throw new Error(`features: ${what} index ${rows[i]} at position ${i} is out of range (n = ${n})`);
  }
}

function numericStats(cols: Columns, name: NumericName, rows: Uint32Array | undefined, m: number): NumericStats {
  const { values, log } = numericSource(cols, name);
  const at = (i: number) => {
    const v = values[rows === undefined ? i : (rows[i] as number)] as number;
    return log ? logBid(v) : v;
  };
  let sum = 0;
  for (let i = 0; i < m; i++) sum += at(i);
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < m; i++) {
    const dv = at(i) - mean;
    ss += dv * dv;
  }
  const std = Math.sqrt(ss / m);
  if (!Number.isFinite(mean) || !Number.isFinite(std)) throw new Error(`features: column ${name} has non-finite values on the training rows`);
  return { name, mean, std: std > 1e-12 ? std : 1 };
}

function tokenTable(texts: readonly string[]): { table: TokenTable; tokens: string[] } {
  const offsets = [0];
  const hashes: number[] = [];
  const tokens: string[] = [];
  for (const text of texts) {
    for (const tok of tokenize(text)) {
      hashes.push(fnv1a32(tok));
      tokens.push(tok);
    }
    offsets.push(hashes.length);
  }
  return { table: { offsets, hashes }, tokens };
}

function hints(tokens: string[], hashes: number[], buckets: number): string[] {
  const seen: Set<string>[] = Array.from({ length: buckets }, () => new Set<string>());
  tokens.forEach((tok, k) => {
    const s = seen[bucketOf(hashes[k] as number, buckets)] as Set<string>;
    if (s.size < 3) s.add(tok);
  });
  return seen.map((s) => [...s].join(', '));
}

/**
 * Fits `spec` on `cols`: numeric mean/std over `trainRows` (all rows when omitted; never the
 * validation or test rows), token hashes of every query text and headline.
 */
export function fitFeatures(spec: FeatureSpec, cols: Columns, tables: TextTables, trainRows?: Uint32Array): FittedFeatures {
  validateSpec(spec);
  if (trainRows !== undefined) checkRows(trainRows, cols.n, 'training row');
  const m = trainRows === undefined ? cols.n : trainRows.length;
  if (m === 0 && spec.numeric.length > 0) throw new Error('features: no training rows to compute statistics on');
  const h = spec.hashed;
  const needQuery = h !== null && (h.query || h.queryTokenAdCat);
  const q = needQuery ? tokenTable(tables.queryTexts) : null;
  const a = h !== null && h.headline ? tokenTable(tables.adHeadlines) : null;
  return {
    spec: structuredClone(spec),
    d: featureCount(spec),
    names: featureNames(spec),
    numeric: spec.numeric.map((name) => numericStats(cols, name, trainRows, m)),
    queryTokens: q?.table ?? null,
    headlineTokens: a?.table ?? null,
    bucketHints: {
      query: h !== null && q !== null ? hints(q.tokens, q.table.hashes, h.buckets) : [],
      headline: h !== null && a !== null ? hints(a.tokens, a.table.hashes, h.buckets) : [],
    },
    trainRows: m,
  };
}
