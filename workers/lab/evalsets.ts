// Evaluation sets for rare positives: large streams keeping every positive and a known fraction
// of negatives (each kept negative weighted back up), cached per world.
import type { Columns } from '../../src/lib/sim/types.ts';
import { selectRows } from '../../src/lib/sim/columns.ts';
import type { EvalTarget, SliceFilter } from '../lab-types.ts';
import type { Dataset } from './datasets.ts';
import { generateRows, worldFor } from './datasets.ts';

/** Candidate rows streamed for an evaluation set spanning all 90 days (scaled by its day span). */
export const EVAL_STREAM_ROWS = 10_000_000;
/** Negatives kept per evaluation set, about. */
const EVAL_KEEP_NEGATIVES = 250_000;
/** Evaluation sets kept in memory. */
const CACHE_SIZE = 8;

/** Labelled rows for scoring: columns plus the labels that count for this set. */
export interface EvalSet {
  name: string;
  cols: Columns;
  labels: Uint8Array;
}

const cache = new Map<string, EvalSet>();

/** Draws (or reuses) the stream `stream` over `days` of the dataset's world. */
async function streamSet(ds: Dataset, name: string, stream: string, days: [number, number], gold: boolean, cancelled?: () => boolean): Promise<EvalSet> {
  const p = ds.params;
  const key = JSON.stringify([p.seed, p.skew, p.noise, p.drift, stream, days, gold]);
  const hit = cache.get(key);
  if (hit) return hit;
  const span = days[1] - days[0] + 1;
  const rows = Math.max(500_000, Math.round((EVAL_STREAM_ROWS * span) / 90));
  const negKeep = Math.min(1, EVAL_KEEP_NEGATIVES / rows);
  const cols = await generateRows(worldFor(p), { rows, stream, days, negKeep, keepBy: gold ? 'truth' : 'label' }, undefined, cancelled);
  const set: EvalSet = { name, cols, labels: gold ? cols.truth : cols.label };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
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

/** The rows and labels of a target; 'validation' uses the model's held-out rows of its dataset. */
export async function evalSet(ds: Dataset, valRows: Uint32Array, t: EvalTarget, cancelled?: () => boolean): Promise<EvalSet> {
  const days = (ds.opts.days ?? [0, 89]) as [number, number];
  if (typeof t === 'string') {
    if (t === 'validation') {
      const cols = selectRows(ds.cols, valRows);
      return { name: t, cols, labels: cols.label };
    }
    if (t === 'test') return streamSet(ds, t, 'test', days, false, cancelled);
    if (t === 'gold') return streamSet(ds, t, 'gold', days, true, cancelled);
    return streamSet(ds, t, 'yesterday', [89, 89], false, cancelled);
  }
  if ('slice' in t) {
    const base = await evalSet(ds, valRows, t.of, cancelled);
    const rows = filterRows(base.cols, t.slice);
    const cols = selectRows(base.cols, rows);
    return { name: targetName(t), cols, labels: base.labels === base.cols.truth ? cols.truth : cols.label };
  }
  return streamSet(ds, targetName(t), `${t.gold ? 'gold-days' : 'days'}:${t.days[0]}-${t.days[1]}`, t.days, !!t.gold, cancelled);
}
