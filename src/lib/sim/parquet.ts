// Parquet export of generated rows: the CSV's columns (data/DATA_CARD.md) with their native types,
// one row group per generated chunk, so any number of rows streams through a bounded buffer.
import type { ColumnSource } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { CSV_COLUMNS } from './csv.ts';
import { CATEGORIES, DEVICES, type Columns } from './types.ts';
import type { World } from './world.ts';

/** Parquet physical/logical type of each exported column. */
const TYPES: Record<(typeof CSV_COLUMNS)[number] | 'weight', 'INT32' | 'FLOAT' | 'STRING'> = {
  day: 'INT32',
  hour: 'INT32',
  query_category: 'STRING',
  query_text: 'STRING',
  intent: 'FLOAT',
  device: 'STRING',
  user: 'INT32',
  ad_id: 'INT32',
  ad_category: 'STRING',
  ad_headline: 'STRING',
  quality: 'FLOAT',
  bid: 'FLOAT',
  true_score: 'FLOAT',
  truth: 'INT32',
  label: 'INT32',
  buggy: 'INT32',
  weight: 'FLOAT',
};

/** Names of the exported columns (the `weight` column only for downsampled streams). */
export function parquetColumns(withWeight: boolean): string[] {
  return [...CSV_COLUMNS, ...(withWeight ? ['weight'] : [])];
}

/** The file schema: a root and one required column per exported column. */
export function parquetSchema(withWeight: boolean): SchemaElement[] {
  const names = parquetColumns(withWeight);
  const leaf = (name: string): SchemaElement => {
    const t = TYPES[name as keyof typeof TYPES];
    if (t === 'STRING') return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' };
    return { name, type: t, repetition_type: 'REQUIRED' };
  };
  return [{ name: 'root', num_children: names.length }, ...names.map(leaf)];
}

/** One block of rows as Parquet column data (integers widened to Int32, floats kept as float32). */
export function parquetColumnData(world: World, c: Columns, withWeight: boolean): ColumnSource[] {
  const text = (codes: ArrayLike<number>, table: readonly string[]): string[] => Array.from(codes, (k) => table[k] as string);
  const headlines = world.ads.map((a) => a.headline);
  const data: Record<string, ColumnSource['data']> = {
    day: Int32Array.from(c.day),
    hour: Int32Array.from(c.hour),
    query_category: text(c.queryCat, CATEGORIES),
    query_text: text(c.queryText, world.queryTexts),
    intent: c.intent,
    device: text(c.device, DEVICES),
    user: Int32Array.from(c.user),
    ad_id: Int32Array.from(c.adId),
    ad_category: text(c.adCat, CATEGORIES),
    ad_headline: text(c.adId, headlines),
    quality: c.quality,
    bid: c.bid,
    true_score: c.trueScore,
    truth: Int32Array.from(c.truth),
    label: Int32Array.from(c.label),
    buggy: Int32Array.from(c.buggy),
    weight: c.weight,
  };
  return parquetColumns(withWeight).map((name) => ({ name, data: data[name] as ColumnSource['data'], nullable: false }));
}
