// One readable row of the step-2 log as the model sees it: its handful of sparse indices and the
// dense one-hot row they stand for, computed by the real sparse transform. Numerics are shown raw
// (training standardises them with the training rows' mean and deviation).
import { columnsFrom } from './columns-from.ts';
import { fitFeatures, type FittedFeatures } from './fit.ts';
import { denseRow, rowEntries, transformSparse } from './sparse.ts';
import type { FeatureSpec } from './spec.ts';
import { CATEGORIES, DEVICES } from '../sim/types.ts';
import type { SampleRow } from '../lab/types.ts';

/** A sample row in both forms. */
export interface RowView {
  /** Columns of the dense row. */
  d: number;
  /** Slots per row (one-hots, cross, tokens) and numerics per row. */
  slots: number;
  numerics: number;
  /** The non-zero entries: column, its name and value. */
  entries: { column: number; name: string; value: number }[];
  /** The row's slots as stored: column indices (padding left out), a repeated token repeated. */
  slotIndices: number[];
  /** The row's numerics as stored: column and raw value. */
  numericValues: { column: number; value: number }[];
  /** The dense row. */
  dense: Float32Array;
}

/** Position of a name in a list of names (0 when absent). */
function code(names: readonly string[], name: string): number {
  return Math.max(0, names.indexOf(name));
}

/** The feature row of a sample row under a spec. */
export function rowView(spec: FeatureSpec, row: SampleRow): RowView {
  const cols = columnsFrom({
    hour: [row.hour],
    queryCat: [code(CATEGORIES, row.queryCategory)],
    adCat: [code(CATEGORIES, row.adCategory)],
    device: [code(DEVICES, row.device)],
    intent: [row.intent],
    quality: [row.quality],
    bid: [row.bid],
  });
  const fitted = fitFeatures(spec, cols, { queryTexts: [row.query], adHeadlines: [row.headline] });
  // Raw numerics: mean 0, deviation 1 (one row has no spread to standardise by).
  const f: FittedFeatures = { ...fitted, numeric: fitted.numeric.map((s) => ({ ...s, mean: 0, std: 1 })) };
  const x = transformSparse(f, cols);
  return {
    d: x.d,
    slots: x.k,
    numerics: x.q,
    entries: rowEntries(x, 0).map((e) => ({ ...e, name: (f.names[e.column] ?? '').replace(' (std)', '') })),
    slotIndices: Array.from(x.idx).filter((c) => c < x.d),
    numericValues: Array.from(x.numCols, (column, j) => ({ column, value: x.num[j] as number })),
    dense: denseRow(x, 0),
  };
}

/** The dense row as text: every value when short, runs of zeros folded ("0×17") when long. */
export function denseText(dense: Float32Array, foldAbove = 128): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
  if (dense.length <= foldAbove) return Array.from(dense, fmt).join(' ');
  const parts: string[] = [];
  let zeros = 0;
  for (const v of dense) {
    if (v === 0) {
      zeros++;
      continue;
    }
    if (zeros > 0) parts.push(`0×${zeros}`);
    zeros = 0;
    parts.push(fmt(v));
  }
  if (zeros > 0) parts.push(`0×${zeros}`);
  return parts.join(' ');
}
