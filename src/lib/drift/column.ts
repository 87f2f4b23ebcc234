// The drift of one column between a reference and a current sample: every statistic, the one
// Evidently would choose, its verdict, and the shared histogram to draw.
import { binTogether, type Binned } from './bins.ts';
import { chooseTest, isDrift, thresholdOf, type DriftMetric } from './choose.ts';
import { measuresFor } from './measures.ts';
import { distinctCount, effectiveSize, type Weighted } from './sample.ts';
import { categoryCounts, chiSquareTest, jsDistance, ksTest, psi, wassersteinNormed } from './stats.ts';

/** How a column is read. */
export interface ColumnSpec {
  name: string;
  numeric: boolean;
}

/** The drift of one column. */
export interface ColumnDrift {
  name: string;
  numeric: boolean;
  /** The measure chosen for the verdict, its value and threshold. */
  metric: DriftMetric;
  value: number;
  threshold: number;
  drifted: boolean;
  /** Every measure (KS only for numerics; chi-square for every column, on its bins). */
  all: Partial<Record<DriftMetric, number>>;
  /** The shared bins with reference and current shares. */
  bins: Binned;
  /** Rows in each sample. */
  referenceRows: number;
  currentRows: number;
}

/** The value of one measure for a column. */
function measure(m: DriftMetric, ref: Weighted, cur: Weighted, bins: Binned): number {
  if (m === 'psi') return psi(bins.reference, bins.current);
  if (m === 'js') return jsDistance(bins.reference, bins.current);
  if (m === 'wasserstein') return wassersteinNormed(ref, cur);
  if (m === 'ks_p') return ksTest(ref, cur).pValue;
  const cats = bins.kind === 'category' ? bins.edges : null;
  const r = cats ? categoryCounts(ref, cats) : bins.reference;
  const c = cats ? categoryCounts(cur, cats) : bins.current;
  return chiSquareTest(r, c, effectiveSize(ref), effectiveSize(cur)).pValue;
}

/** Drift of a column by Evidently's default test, with every other measure alongside. */
export function columnDrift(spec: ColumnSpec, reference: Weighted, current: Weighted): ColumnDrift {
  const bins = binTogether(reference, current, spec.numeric);
  const distinct = distinctCount(reference, current, 1000);
  const metric = chooseTest(spec.numeric, distinct, reference.values.length);
  const asNumeric = spec.numeric && metric !== 'chi2_p' && metric !== 'js';
  const names = measuresFor(asNumeric);
  const all: Partial<Record<DriftMetric, number>> = {};
  for (const m of names) all[m] = measure(m, reference, current, bins);
  const value = all[metric] ?? measure(metric, reference, current, bins);
  all[metric] = value;
  return {
    name: spec.name,
    numeric: spec.numeric,
    metric,
    value,
    threshold: thresholdOf(metric).value,
    drifted: isDrift(metric, value),
    all,
    bins,
    referenceRows: reference.values.length,
    currentRows: current.values.length,
  };
}

/** Share of drifted columns and the data-set verdict (drifted when the share reaches `atShare`). */
export function datasetDrift(columns: ColumnDrift[], atShare = 0.5): { share: number; drifted: boolean; count: number } {
  const count = columns.filter((c) => c.drifted).length;
  const share = columns.length > 0 ? count / columns.length : 0;
  return { share, drifted: columns.length > 0 && share >= atShare, count };
}
