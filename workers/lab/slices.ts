// Error analysis of a model by slice on its test stream: weighted error rates at the top-ranked rows,
// each slice's share of the false positives there, and the rows of one slice for a closer look.
import { sliceTable, topThreshold, type SliceFamily } from '../../src/lib/labels/index.ts';
import { CATEGORIES, DEVICES, type Columns } from '../../src/lib/sim/types.ts';
import type { SliceReport, SuspectRow } from '../lab-types.ts';
import { evalSet, type EvalSet } from './evalsets.ts';
import { scoreSet } from './evaluate.ts';
import { worldFor } from './datasets.ts';
import { getModel } from './models.ts';
import { sampleRow } from './summary.ts';

/** Share of the test stream (by weight) taken as the model's top-ranked rows. */
export const TOP_SHARE = 0.001;
/** Days per day-range slice. */
const DAY_BLOCK = 15;
const K = CATEGORIES.length;
const DAY_NAMES = Array.from({ length: 6 }, (_, b) => `days ${b * DAY_BLOCK}–${b * DAY_BLOCK + DAY_BLOCK - 1}`);
const CELL_NAMES = Array.from({ length: K * K }, (_, k) => `${CATEGORIES[Math.floor(k / K)]}×${CATEGORIES[k % K]}`);

/** The slice families of a block of rows: query category, ad category, device, day range, query×ad cell. */
export function familiesOf(c: Columns): SliceFamily[] {
  const days = new Uint8Array(c.n);
  const cells = new Uint8Array(c.n);
  for (let i = 0; i < c.n; i++) {
    days[i] = Math.floor(c.day[i]! / DAY_BLOCK);
    cells[i] = c.queryCat[i]! * K + c.adCat[i]!;
  }
  return [
    { family: 'query', names: CATEGORIES, keys: c.queryCat },
    { family: 'ad', names: CATEGORIES, keys: c.adCat },
    { family: 'device', names: DEVICES, keys: c.device },
    { family: 'days', names: DAY_NAMES, keys: days },
    { family: 'cell', names: CELL_NAMES, keys: cells },
  ];
}

/** Scores of the last model analysed on its test stream (a slice's rows are read from them). */
let last: { modelId: string; set: EvalSet; pred: Float32Array } | null = null;

async function scored(modelId: string, cancelled?: () => boolean): Promise<{ set: EvalSet; pred: Float32Array }> {
  if (last?.modelId === modelId) return last;
  const m = getModel(modelId);
  const set = await evalSet(m, 'test', cancelled);
  const pred = await scoreSet(m, set);
  last = { modelId, set, pred };
  return last;
}

/** The slice table of a model on its test stream (observed labels, weighted). */
export async function sliceReport(modelId: string, cancelled?: () => boolean): Promise<SliceReport> {
  const { set, pred } = await scored(modelId, cancelled);
  const threshold = topThreshold(pred, set.cols.weight, TOP_SHARE);
  const slices = sliceTable(pred, set.labels, set.cols.weight, familiesOf(set.cols), threshold);
  return { modelId, split: set.name, topShare: TOP_SHARE, threshold, slices };
}

/** True if row i of c is in the slice named "<family>:<name>". */
export function inSlice(c: Columns, i: number, slice: string): boolean {
  const [family, name] = slice.split(':') as [string, string];
  switch (family) {
    case 'query':
      return CATEGORIES[c.queryCat[i]!] === name;
    case 'ad':
      return CATEGORIES[c.adCat[i]!] === name;
    case 'device':
      return DEVICES[c.device[i]!] === name;
    case 'days':
      return DAY_NAMES[Math.floor(c.day[i]! / DAY_BLOCK)] === name;
    case 'cell':
      return CELL_NAMES[c.queryCat[i]! * K + c.adCat[i]!] === name;
    default:
      throw new Error(`unknown slice ${slice}`);
  }
}

/** The top-scored rows of one slice of the model's test stream, readable. */
export async function sliceExamples(modelId: string, slice: string, limit: number): Promise<SuspectRow[]> {
  const { set, pred } = await scored(modelId);
  const c = set.cols;
  const rows: number[] = [];
  for (let i = 0; i < c.n; i++) if (inSlice(c, i, slice)) rows.push(i);
  rows.sort((a, b) => pred[b]! - pred[a]!);
  const world = worldFor(getModel(modelId).world);
  return rows.slice(0, limit).map((r) => {
    const label = set.labels[r] ? 1 : 0;
    return { ...sampleRow(world, c, r), label, row: r, p: pred[r]!, selfConfidence: label ? pred[r]! : 1 - pred[r]!, truth: c.truth[r] ? 1 : 0 };
  });
}
