// A feature spec is data: which one-hots, standardised numerics, crosses and hashed tokens to build,
// and the column layout (offsets, names) it implies.
import type { FeatureToggles } from '../lab/types.ts';
import { CATEGORIES, DEVICES } from '../sim/types.ts';

/** Categorical columns that can be one-hot encoded. */
export type OneHotName = 'queryCat' | 'adCat' | 'device' | 'hourBucket';
/** Numeric columns that can be standardised (log bid = ln of the CPC). */
export type NumericName = 'intent' | 'quality' | 'logBid';

/** Hashed token features: each token adds 1 to column (FNV-1a(token) mod buckets) of its block. */
export interface HashedSpec {
  /** Columns per hashed block, 1…65536. */
  buckets: number;
  /** A block for the query text's tokens. */
  query: boolean;
  /** A block for the ad headline's tokens. */
  headline: boolean;
  /**
   * A block for query token × ad category: one more FNV-1a step over the ad-category code after
   * the token's hash. Off in `specFromToggles`: the category cross already carries the affinity
   * that drives relevance, and this block costs another `buckets` columns; open for lab experiments.
   */
  queryTokenAdCat: boolean;
}

/** The full description of a feature transform. Column order: one-hots, numerics, cross, hashed blocks. */
export interface FeatureSpec {
  oneHot: OneHotName[];
  numeric: NumericName[];
  /** The query-category × ad-category cross: 64 one-hot cells, index queryCat·8 + adCat. */
  cross: boolean;
  hashed: HashedSpec | null;
}

/** Hours per hour bucket (6 buckets: 00–03, 04–07, …, 20–23). */
export const HOURS_PER_BUCKET = 4;

/** Values of each one-hot column, in code order. */
export const ONE_HOT_VALUES: Record<OneHotName, readonly string[]> = {
  queryCat: CATEGORIES,
  adCat: CATEGORIES,
  device: DEVICES,
  hourBucket: Array.from({ length: 24 / HOURS_PER_BUCKET }, (_, b) => {
    const pad = (h: number) => String(h).padStart(2, '0');
    return `${pad(b * HOURS_PER_BUCKET)}–${pad(b * HOURS_PER_BUCKET + HOURS_PER_BUCKET - 1)}`;
  }),
};

const ONE_HOT_PREFIX: Record<OneHotName, string> = { queryCat: 'queryCat', adCat: 'adCat', device: 'device', hourBucket: 'hour' };
const NUMERIC_LABEL: Record<NumericName, string> = { intent: 'intent', quality: 'quality', logBid: 'log bid' };

/** Every one-hot and numeric column, in canonical order. */
export const ALL_ONE_HOTS: readonly OneHotName[] = ['queryCat', 'adCat', 'device', 'hourBucket'];
export const ALL_NUMERICS: readonly NumericName[] = ['intent', 'quality', 'logBid'];

/** One contiguous block of columns of the feature matrix. */
export type Block =
  | { kind: 'oneHot'; name: OneHotName; offset: number; size: number }
  | { kind: 'numeric'; name: NumericName; offset: number; size: 1 }
  | { kind: 'cross'; offset: number; size: number }
  | { kind: 'hashQuery' | 'hashHeadline' | 'hashQueryAdCat'; offset: number; size: number };

/** Throws a clear Error for an invalid spec (unknown or repeated column, bad bucket count). */
export function validateSpec(spec: FeatureSpec): void {
  const seen = new Set<string>();
  for (const name of spec.oneHot) {
    if (!ALL_ONE_HOTS.includes(name)) throw new Error(`features: unknown one-hot column "${name}"`);
    if (seen.has(name)) throw new Error(`features: one-hot column "${name}" listed twice`);
    seen.add(name);
  }
  for (const name of spec.numeric) {
    if (!ALL_NUMERICS.includes(name)) throw new Error(`features: unknown numeric column "${name}"`);
    if (seen.has(name)) throw new Error(`features: numeric column "${name}" listed twice`);
    seen.add(name);
  }
  const b = spec.hashed?.buckets;
  if (spec.hashed && !(Number.isInteger(b) && (b as number) >= 1 && (b as number) <= 65536)) {
    throw new Error(`features: hash buckets must be an integer in 1…65536, got ${b}`);
  }
}

/** The column blocks of a spec, with their offsets. */
export function layout(spec: FeatureSpec): Block[] {
  validateSpec(spec);
  const blocks: Block[] = [];
  let offset = 0;
  for (const name of spec.oneHot) {
    const size = ONE_HOT_VALUES[name].length;
    blocks.push({ kind: 'oneHot', name, offset, size });
    offset += size;
  }
  for (const name of spec.numeric) {
    blocks.push({ kind: 'numeric', name, offset, size: 1 });
    offset += 1;
  }
  if (spec.cross) {
    const size = CATEGORIES.length * CATEGORIES.length;
    blocks.push({ kind: 'cross', offset, size });
    offset += size;
  }
  const h = spec.hashed;
  if (h) {
    for (const [on, kind] of [
      [h.query, 'hashQuery'],
      [h.headline, 'hashHeadline'],
      [h.queryTokenAdCat, 'hashQueryAdCat'],
    ] as const) {
      if (!on) continue;
      blocks.push({ kind, offset, size: h.buckets });
      offset += h.buckets;
    }
  }
  return blocks;
}

/** Number of columns d of the feature matrix (may be 0 when everything is off). */
export function featureCount(spec: FeatureSpec): number {
  const blocks = layout(spec);
  const last = blocks[blocks.length - 1];
  return last === undefined ? 0 : last.offset + last.size;
}

/** Readable column names: "device=mobile", "intent (std)", "cross:travel×finance", "qtok#17". */
export function featureNames(spec: FeatureSpec): string[] {
  const names: string[] = [];
  for (const b of layout(spec)) {
    switch (b.kind) {
      case 'oneHot':
        for (const v of ONE_HOT_VALUES[b.name]) names.push(`${ONE_HOT_PREFIX[b.name]}=${v}`);
        break;
      case 'numeric':
        names.push(`${NUMERIC_LABEL[b.name]} (std)`);
        break;
      case 'cross':
        for (const q of CATEGORIES) for (const a of CATEGORIES) names.push(`cross:${q}×${a}`);
        break;
      default: {
        const prefix = b.kind === 'hashQuery' ? 'qtok' : b.kind === 'hashHeadline' ? 'adtok' : 'qtok×adCat';
        for (let k = 0; k < b.size; k++) names.push(`${prefix}#${k}`);
      }
    }
  }
  return names;
}

/** The spec behind the UI's feature toggles (every one-hot, every numeric, the cross, query and headline tokens). */
export function specFromToggles(t: FeatureToggles): FeatureSpec {
  const spec: FeatureSpec = {
    oneHot: t.oneHots ? [...ALL_ONE_HOTS] : [],
    numeric: t.numerics ? [...ALL_NUMERICS] : [],
    cross: t.cross,
    hashed: t.hashed ? { buckets: t.hashBuckets, query: true, headline: true, queryTokenAdCat: false } : null,
  };
  validateSpec(spec);
  return spec;
}
