// The drift report: every model input column, the target and the model's prediction, between
// the training days (reference: the clean old-test stream) and yesterday (current).
import { binRangeText, wholeRangeText, columnDrift, datasetDrift, type ColumnDrift, type ColumnSpec, type Weighted } from '../../src/lib/drift/index.ts';
import { CATEGORIES, DEVICES, type Columns } from '../../src/lib/sim/types.ts';
import type { DriftColumnReport, DriftReport } from '../lab-types.ts';
import { oldTestSet, yesterdaySet } from './drift-sets.ts';
import type { EvalSet } from './evalsets.ts';
import { selectRows } from '../../src/lib/sim/columns.ts';
import { scoreSet } from './evaluate.ts';
import type { ModelRecord } from './models.ts';
import { CancelledError, nextTask } from './yield.ts';

/** A report column: how to read it from the rows and how to name its categories. */
interface FeatureColumn extends ColumnSpec {
  read: (c: Columns) => ArrayLike<number>;
  label?: (v: number) => string;
  /** A whole-number column (the hour): its numeric bins read as the whole numbers they hold. */
  whole?: true;
}

/** Rows at most per sample for the numeric tests (a seeded stride keeps the report under a second). */
const MAX_ROWS = 50_000;

/** The model's input columns as the report reads them. */
export const DRIFT_FEATURES: FeatureColumn[] = [
  { name: 'query_category', numeric: false, read: (c) => c.queryCat, label: (v) => CATEGORIES[v] ?? String(v) },
  { name: 'ad_category', numeric: false, read: (c) => c.adCat, label: (v) => CATEGORIES[v] ?? String(v) },
  { name: 'device', numeric: false, read: (c) => c.device, label: (v) => DEVICES[v] ?? String(v) },
  { name: 'hour', numeric: true, read: (c) => c.hour, whole: true },
  { name: 'intent', numeric: true, read: (c) => c.intent },
  { name: 'quality', numeric: true, read: (c) => c.quality },
  { name: 'bid', numeric: true, read: (c) => c.bid },
  {
    name: 'category_cross',
    numeric: false,
    read: (c) => c.queryCat.map((q, i) => q * CATEGORIES.length + c.adCat[i]!),
    label: (v) => `${CATEGORIES[Math.floor(v / CATEGORIES.length)]}×${CATEGORIES[v % CATEGORIES.length]}`,
  },
];

/** Every k-th row so at most MAX_ROWS remain (weights kept). */
function thin(values: ArrayLike<number>, weights: Float32Array): Weighted {
  const k = Math.max(1, Math.ceil(values.length / MAX_ROWS));
  if (k === 1) return { values, weights };
  const n = Math.ceil(values.length / k);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0, j = 0; i < values.length; i += k, j++) {
    v[j] = values[i]!;
    w[j] = weights[i]!;
  }
  return { values: v, weights: w };
}

/** The model's predictions (as log₁₀ p, so the rare high scores are not squeezed into one bin) on every k-th row of a set (at most MAX_ROWS), with their weights. */
async function scoredSample(m: ModelRecord, set: EvalSet): Promise<Weighted> {
  const k = Math.max(1, Math.ceil(set.cols.n / MAX_ROWS));
  const rows = new Uint32Array(Math.ceil(set.cols.n / k));
  for (let j = 0; j < rows.length; j++) rows[j] = j * k;
  const cols = selectRows(set.cols, rows);
  const pred = await scoreSet(m, { name: set.name, cols, labels: cols.truth });
  return { values: pred.map((p) => Math.log10(Math.max(p, 1e-7))), weights: cols.weight };
}

/** Readable bin labels. */
function binLabels(d: ColumnDrift, label?: (v: number) => string, whole = false): string[] {
  const e = d.bins.edges;
  if (d.bins.kind === 'category') return e.map((v) => (label ? label(v) : String(v)));
  return e.slice(0, -1).map((lo, j) => (whole ? wholeRangeText(lo, e[j + 1]!, j === e.length - 2) : binRangeText(lo, e[j + 1]!)));
}

/** A column's drift as plain data for the UI. */
function toReport(d: ColumnDrift, label?: (v: number) => string, whole = false): DriftColumnReport {
  return { name: d.name, numeric: d.numeric, metric: d.metric, value: d.value, threshold: d.threshold, drifted: d.drifted, all: d.all, labels: binLabels(d, label, whole), reference: d.bins.reference, current: d.bins.current };
}

/** Weighted positive rate of a set's labels. */
function rate(labels: Uint8Array, w: Float32Array): number {
  let p = 0;
  let t = 0;
  for (let i = 0; i < labels.length; i++) {
    t += w[i]!;
    if (labels[i]) p += w[i]!;
  }
  return t > 0 ? p / t : NaN;
}

/** The query×ad category cell of each positive row (where the relevant pairs are). */
function positivesOf(set: { cols: Columns; labels: Uint8Array }): Weighted {
  const out: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < set.cols.n; i++) {
    if (!set.labels[i]) continue;
    out.push(set.cols.queryCat[i]! * CATEGORIES.length + set.cols.adCat[i]!);
    w.push(set.cols.weight[i]!);
  }
  return { values: out, weights: w };
}

/** The drift report of a model: training days against yesterday. */
export async function driftReport(m: ModelRecord, cancelled: () => boolean): Promise<DriftReport> {
  const t0 = performance.now();
  const ref = await oldTestSet(m.world, m.days, cancelled);
  const cur = await yesterdaySet(m.world, cancelled);
  const features: DriftColumnReport[] = [];
  for (const f of DRIFT_FEATURES) {
    const d = columnDrift(f, thin(f.read(ref.cols), ref.cols.weight), thin(f.read(cur.cols), cur.cols.weight));
    features.push(toReport(d, f.label, f.whole));
    await nextTask();
    if (cancelled()) throw new CancelledError();
  }
  const target = toReport(columnDrift({ name: 'target', numeric: false }, { values: ref.labels, weights: ref.cols.weight }, { values: cur.labels, weights: cur.cols.weight }), (v) => (v ? 'show' : 'no show'));
  const positivesCross = toReport(columnDrift({ name: 'positives_cross', numeric: false }, positivesOf(ref), positivesOf(cur)), DRIFT_FEATURES[7]!.label);
  const prediction = toReport(columnDrift({ name: 'prediction', numeric: true }, await scoredSample(m, ref), await scoredSample(m, cur)));
  const verdict = datasetDrift(features.map((f) => ({ drifted: f.drifted }) as ColumnDrift));
  return {
    referenceDays: m.days,
    currentDays: [89, 89],
    referenceRows: ref.cols.n,
    currentRows: cur.cols.n,
    features,
    target,
    prediction,
    positivesCross,
    targetRate: { reference: rate(ref.labels, ref.cols.weight), current: rate(cur.labels, cur.cols.weight) },
    share: verdict.share,
    count: verdict.count,
    datasetDrifted: verdict.drifted,
    millis: performance.now() - t0,
  };
}
