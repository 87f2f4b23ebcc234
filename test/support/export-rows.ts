// What a reader of an exported file should find: the generator's rows as named column values
// (data/DATA_CARD.md), for comparing a Parquet file read back with hyparquet row by row.
import { CATEGORIES, DEVICES, type Columns } from '../../src/lib/sim/types.ts';
import type { World } from '../../src/lib/sim/world.ts';

/** Row i of a block as a reader sees it (floats as the generator's float32 values). */
export function expectedRow(world: World, cols: Columns, i: number, withWeight: boolean): Record<string, unknown> {
  const row: Record<string, unknown> = {
    day: cols.day[i],
    hour: cols.hour[i],
    query_category: CATEGORIES[cols.queryCat[i]!],
    query_text: world.queryTexts[cols.queryText[i]!],
    intent: cols.intent[i],
    device: DEVICES[cols.device[i]!],
    user: cols.user[i],
    ad_id: cols.adId[i],
    ad_category: CATEGORIES[cols.adCat[i]!],
    ad_headline: world.ads[cols.adId[i]!]!.headline,
    quality: cols.quality[i],
    bid: cols.bid[i],
    true_score: cols.trueScore[i],
    truth: cols.truth[i],
    label: cols.label[i],
    buggy: cols.buggy[i],
  };
  if (withWeight) row.weight = cols.weight[i];
  return row;
}

/** The first row whose values differ from the generator's (with its index), or null when every row matches. */
export function firstMismatch(world: World, cols: Columns, rows: Record<string, unknown>[], withWeight: boolean): { row: number; got: unknown; want: unknown } | null {
  if (rows.length !== cols.n) return { row: -1, got: rows.length, want: cols.n };
  for (let i = 0; i < cols.n; i++) {
    const want = expectedRow(world, cols, i, withWeight);
    // Floats are stored as float32, exactly the generator's values: compare exactly.
    if (JSON.stringify(rows[i]) !== JSON.stringify(want)) return { row: i, got: rows[i], want };
  }
  return null;
}
