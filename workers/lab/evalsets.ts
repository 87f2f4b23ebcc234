// Evaluation sets for rare positives: large streams keeping every positive and a known fraction
// of negatives (each kept negative weighted back up), cached per world.
import type { Columns } from '../../src/lib/sim/types.ts';
import { selectRows } from '../../src/lib/sim/columns.ts';
import type { EvalTarget, SliceFilter } from '../lab-types.ts';
import type { WorldParams } from '../../src/lib/sim/types.ts';
import { generateRows, getDataset, worldFor } from './datasets.ts';
import type { ModelRecord } from './models.ts';
import { ByteLru } from '../../src/lib/lab/lru.ts';
import { CACHE_BUDGETS } from '../../src/lib/lab/budget.ts';
import { columnsBytes } from './datasets.ts';
import { LAB_POOL } from './pool.ts';
import { worldKey } from '../../src/lib/url/lab-config.ts';

/** Candidate rows streamed for an evaluation set spanning all 90 days (scaled by its day span). */
export const EVAL_STREAM_ROWS = 10_000_000;
/** Negatives kept per evaluation set, about. */
const EVAL_KEEP_NEGATIVES = 250_000;

/** Labelled rows for scoring: columns plus the labels that count for this set. */
export interface EvalSet {
  name: string;
  cols: Columns;
  labels: Uint8Array;
}

/** Streams by world and span, least recently used dropped first beyond the budget (a test stream is ~9 MB). */
const cache = new ByteLru<string, EvalSet>('evalSets', CACHE_BUDGETS.evalSets, (s) => columnsBytes(s.cols), { pool: LAB_POOL, sheddable: true });

/** What the stream cache holds, for the memory report. */
export function evalSetStats() {
  return cache.stats();
}

/** Draws (or reuses) the stream `stream` over `days` of the dataset's world. */
async function streamSet(p: WorldParams, name: string, stream: string, days: [number, number], gold: boolean, cancelled?: () => boolean): Promise<EvalSet> {
  const key = JSON.stringify([worldKey(p), stream, days, gold]);
  const hit = cache.get(key);
  if (hit) return hit;
  const span = days[1] - days[0] + 1;
  const rows = Math.max(500_000, Math.round((EVAL_STREAM_ROWS * span) / 90));
  const negKeep = Math.min(1, EVAL_KEEP_NEGATIVES / rows);
  const cols = await generateRows(worldFor(p), { rows, stream, days, negKeep, keepBy: gold ? 'truth' : 'label' }, undefined, cancelled);
  const set: EvalSet = { name, cols, labels: gold ? cols.truth : cols.label };
  cache.set(key, set);
  return set;
}

/** Rows of c that pass the filter. */
function filterRows(c: Columns, f: SliceFilter): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (f.queryCat !== undefined && c.queryCat[i] !== f.queryCat) continue;
    if (f.adCat !== undefined && c.adCat[i] !== f.adCat) continue;
    if (f.device !== undefined && c.device[i] !== f.device) continue;
    if (f.days && (c.day[i]! < f.days[0] || c.day[i]! > f.days[1])) continue;
    out.push(i);
  }
  return Uint32Array.from(out);
}

/** A readable name for a target. */
export function targetName(t: EvalTarget): string {
  if (typeof t === 'string') return t;
  if ('slice' in t) {
    const f = t.slice;
    const parts = Object.entries(f).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('–') : v}`);
    return `${targetName(t.of)} [${parts.join(', ')}]`;
  }
  return `${t.gold ? 'gold ' : ''}days ${t.days[0]}–${t.days[1]}`;
}

/**
 * The rows and labels of a target for a model: 'validation' is its held-out rows of its dataset;
 * the streams come from the model's world over its training days (test, gold) or the given days.
 */
export async function evalSet(m: ModelRecord, t: EvalTarget, cancelled?: () => boolean): Promise<EvalSet> {
  const { world: p, days } = m;
  if (typeof t === 'string') {
    if (t === 'validation') {
      if (m.valRows.length === 0) throw new Error(`model ${m.version} has no validation rows`);
      const cols = selectRows(getDataset(m.config.datasetId).cols, m.valRows);
      return { name: t, cols, labels: cols.label };
    }
    if (t === 'test') return streamSet(p, t, 'test', days, false, cancelled);
    if (t === 'gold') return streamSet(p, t, 'gold', days, true, cancelled);
    return streamSet(p, t, 'yesterday', [89, 89], false, cancelled);
  }
  if ('slice' in t) {
    const base = await evalSet(m, t.of, cancelled);
    const rows = filterRows(base.cols, t.slice);
    const cols = selectRows(base.cols, rows);
    return { name: targetName(t), cols, labels: base.labels === base.cols.truth ? cols.truth : cols.label };
  }
  return streamSet(p, targetName(t), `${t.gold ? 'gold-days' : 'days'}:${t.days[0]}-${t.days[1]}`, t.days, !!t.gold, cancelled);
}
