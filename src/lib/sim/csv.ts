// CSV export of generated rows, with the header documented in data/DATA_CARD.md. Rows are
// formatted chunk by chunk so that any number of rows can be streamed to a file.
import { CATEGORIES, DEVICES, type Columns } from './types.ts';
import type { World } from './world.ts';

/** The CSV columns, in order (the `weight` column only for downsampled streams). */
export const CSV_COLUMNS = [
  'day',
  'hour',
  'query_category',
  'query_text',
  'intent',
  'device',
  'user',
  'ad_id',
  'ad_category',
  'ad_headline',
  'quality',
  'bid',
  'true_score',
  'truth',
  'label',
  'buggy',
] as const;

/** Quotes a field if it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line (with a trailing newline). */
export function csvHeader(withWeight: boolean): string {
  return `${[...CSV_COLUMNS, ...(withWeight ? ['weight'] : [])].join(',')}\n`;
}

/** Escaped text tables of a world, computed once. */
const textCache = new WeakMap<World, { queries: string[]; headlines: string[] }>();

function texts(world: World): { queries: string[]; headlines: string[] } {
  let t = textCache.get(world);
  if (!t) {
    t = { queries: world.queryTexts.map(csvField), headlines: world.ads.map((a) => csvField(a.headline)) };
    textCache.set(world, t);
  }
  return t;
}

/** Rows [start, end) of a block as CSV lines (each ending in a newline). */
export function csvRows(world: World, cols: Columns, withWeight: boolean, start = 0, end = cols.n): string {
  const { queries, headlines } = texts(world);
  const lines: string[] = [];
  for (let i = start; i < end; i++) {
    const fields = [
      cols.day[i],
      cols.hour[i],
      CATEGORIES[cols.queryCat[i] as number],
      queries[cols.queryText[i] as number],
      (cols.intent[i] as number).toFixed(4),
      DEVICES[cols.device[i] as number],
      cols.user[i],
      cols.adId[i],
      CATEGORIES[cols.adCat[i] as number],
      headlines[cols.adId[i] as number],
      (cols.quality[i] as number).toFixed(4),
      (cols.bid[i] as number).toFixed(2),
      (cols.trueScore[i] as number).toFixed(4),
      cols.truth[i],
      cols.label[i],
      cols.buggy[i],
    ];
    if (withWeight) fields.push(String(Math.round((cols.weight[i] as number) * 1e4) / 1e4));
    lines.push(fields.join(','));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Header plus rows of one block: a whole small CSV file. */
export function toCsv(world: World, cols: Columns, withWeight = false): string {
  return csvHeader(withWeight) + csvRows(world, cols, withWeight);
}
