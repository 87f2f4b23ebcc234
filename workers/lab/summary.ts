// What the UI learns about a dataset: counts, weighted histograms and a few readable rows.
import { CATEGORIES, DEVICES, NUM_DAYS, type Columns } from '../../src/lib/sim/types.ts';
import type { World } from '../../src/lib/sim/world.ts';
import type { ColumnHistogram, DatasetSummary, SampleRow } from '../lab-types.ts';
import type { Dataset } from './datasets.ts';
import { streamFor } from '../../src/lib/rng.ts';

/** Rows shown in the sample table. */
const SAMPLE_ROWS = 20;
/** Positives among them, when there are that many (so the table shows both labels). */
const SAMPLE_POSITIVES = 5;

/** Weighted counts of a small-integer column over `k` codes. */
function codeHistogram(column: string, codes: ArrayLike<number>, w: Float32Array, labels: readonly string[]): ColumnHistogram {
  const counts = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]! += w[i]!;
  return { column, kind: 'categorical', labels: [...labels], counts };
}

/** Weighted counts of a numeric column over equal-width bins of [lo, hi]. */
function numericHistogram(column: string, x: Float32Array, w: Float32Array, lo: number, hi: number, bins: number): ColumnHistogram {
  const counts = new Array<number>(bins).fill(0);
  const scale = bins / (hi - lo);
  for (let i = 0; i < x.length; i++) counts[Math.min(bins - 1, Math.max(0, Math.floor((x[i]! - lo) * scale)))]! += w[i]!;
  const labels = counts.map((_, b) => `${+(lo + b / scale).toFixed(2)}–${+(lo + (b + 1) / scale).toFixed(2)}`);
  return { column, kind: 'numeric', labels, counts };
}

/** Largest value of a column (for the bid histogram's range). */
function maxOf(x: Float32Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! > m) m = x[i]!;
  return m;
}

/** The data card's histograms. */
export function histograms(c: Columns): ColumnHistogram[] {
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const days = Array.from({ length: NUM_DAYS }, (_, d) => String(d));
  return [
    codeHistogram('label', c.label, c.weight, ['no-show', 'show']),
    codeHistogram('queryCat', c.queryCat, c.weight, CATEGORIES),
    codeHistogram('adCat', c.adCat, c.weight, CATEGORIES),
    codeHistogram('device', c.device, c.weight, DEVICES),
    codeHistogram('hour', c.hour, c.weight, hours),
    codeHistogram('day', c.day, c.weight, days),
    numericHistogram('intent', c.intent, c.weight, 0, 1, 10),
    numericHistogram('quality', c.quality, c.weight, 0, 1, 10),
    numericHistogram('bid', c.bid, c.weight, 0, Math.max(1, Math.ceil(maxOf(c.bid))), 12),
  ];
}

/** One readable row. */
export function sampleRow(world: World, c: Columns, i: number): SampleRow {
  return {
    day: c.day[i]!,
    hour: c.hour[i]!,
    query: world.queryTexts[c.queryText[i]!] ?? '',
    queryCategory: CATEGORIES[c.queryCat[i]!] ?? '',
    device: DEVICES[c.device[i]!] ?? '',
    intent: c.intent[i]!,
    headline: world.ads[c.adId[i]!]?.headline ?? '',
    adCategory: CATEGORIES[c.adCat[i]!] ?? '',
    quality: c.quality[i]!,
    bid: c.bid[i]!,
    label: c.label[i] ? 1 : 0,
  };
}

/** A seeded sample: up to SAMPLE_POSITIVES positives, the rest negatives, in row order. */
export function sampleIndices(c: Columns, seed: string): number[] {
  const rng = streamFor(seed, 'sample');
  const rand = () => rng.uniform();
  const pos: number[] = [];
  for (let i = 0; i < c.n && pos.length < 4 * SAMPLE_POSITIVES; i++) if (c.label[i]) pos.push(i);
  const picked = new Set<number>();
  while (picked.size < Math.min(SAMPLE_POSITIVES, pos.length)) picked.add(pos[Math.floor(rand() * pos.length)]!);
  for (let tries = 0; picked.size < Math.min(SAMPLE_ROWS, c.n) && tries < 10 * SAMPLE_ROWS; tries++) {
    const i = Math.floor(rand() * c.n);
    if (!c.label[i]) picked.add(i);
  }
  return [...picked].sort((a, b) => a - b);
}

/** The summary of a stored dataset. */
export function summarize(ds: Dataset, millis: number): DatasetSummary {
  const c = ds.cols;
  let positives = 0;
  let buggyPositives = 0;
  let total = 0;
  let d0 = NUM_DAYS;
  let d1 = 0;
  for (let i = 0; i < c.n; i++) {
    total += c.weight[i]!;
    positives += c.label[i]! * c.weight[i]!;
    buggyPositives += c.label[i]! * c.buggy[i]! * c.weight[i]!;
    if (c.day[i]! < d0) d0 = c.day[i]!;
    if (c.day[i]! > d1) d1 = c.day[i]!;
  }
  return {
    id: ds.id,
    params: ds.params,
    rows: c.n,
    days: c.n > 0 ? [d0, d1] : [0, 0],
    positives,
    positiveRate: total > 0 ? positives / total : NaN,
    total,
    buggyPositives,
    histograms: histograms(c),
    sample: sampleIndices(c, ds.params.seed).map((i) => ({ ...sampleRow(ds.world, c, i), buggy: c.buggy[i] === 1 })),
    millis,
  };
}
