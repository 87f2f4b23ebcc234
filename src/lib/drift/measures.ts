// The drift measures as one table, like the URL table (src/lib/url/params.ts): each measure's name
// (its data-metric), kind, threshold, words and format. The measure type, the drift rule, the
// columns a measure applies to and how a value reads all derive from it.
import { NO_VALUE } from '../story/format.ts';

/** Drift when a test's p-value is below this. */
export const P_THRESHOLD = 0.05;
/** Drift when PSI, Jensen–Shannon or normed Wasserstein reaches this. */
export const DISTANCE_THRESHOLD = 0.1;
/** Smallest p-value printed as a number. */
const P_FLOOR = 0.001;
/** Distances below this read "≈ 0" (PSI of identical histograms comes out around 1e-9). */
const ZERO = 1e-4;

/** A p-value (drift below its threshold) or a distance (drift at or above it). */
export type MeasureKind = 'pvalue' | 'distance';

/** One row of the table. */
export interface MeasureSpec {
  kind: MeasureKind;
  threshold: number;
  /** Its name in the report ("KS p-value"). */
  name: string;
  /** Its name in compact rows ("KS p"). */
  short: string;
  /** True when only a numeric column has it (KS, Wasserstein). */
  numericOnly: boolean;
}

/** Every drift measure, in the order a report lists them. */
export const MEASURES = {
  psi: { kind: 'distance', threshold: DISTANCE_THRESHOLD, name: 'PSI', short: 'PSI', numericOnly: false },
  ks_p: { kind: 'pvalue', threshold: P_THRESHOLD, name: 'KS p-value', short: 'KS p', numericOnly: true },
  chi2_p: { kind: 'pvalue', threshold: P_THRESHOLD, name: 'χ² p-value', short: 'χ² p', numericOnly: false },
  js: { kind: 'distance', threshold: DISTANCE_THRESHOLD, name: 'Jensen–Shannon distance', short: 'JS', numericOnly: false },
  wasserstein: { kind: 'distance', threshold: DISTANCE_THRESHOLD, name: 'Wasserstein ÷ std', short: 'W/σ', numericOnly: true },
} as const satisfies Record<string, MeasureSpec>;

/** The drift measures a report row can use (the names are the data-metric contract). */
export type DriftMetric = keyof typeof MEASURES;

/** The measures of a column read as numbers (all) or as categories (those not numeric-only), in table order. */
export function measuresFor(numeric: boolean): DriftMetric[] {
  return (Object.keys(MEASURES) as DriftMetric[]).filter((m) => numeric || !MEASURES[m].numericOnly);
}

/** The kind of a measure by name; undefined for a name not in the table. */
export function kindOf(metric: string): MeasureKind | undefined {
  return (MEASURES as Record<string, MeasureSpec>)[metric]?.kind;
}

/** A value of a measure of this kind as it reads: "< 0.001" for tiny p-values, "≈ 0" for tiny
 * distances, else 3 decimals from 0.1 up and 3 significant digits below. */
export function formatMeasure(kind: MeasureKind, v: number): string {
  if (!Number.isFinite(v)) return NO_VALUE;
  if (kind === 'pvalue' && v < P_FLOOR) return `< ${P_FLOOR}`;
  if (kind === 'distance' && Math.abs(v) < ZERO) return '≈ 0';
  return Math.abs(v) >= 0.1 ? v.toFixed(3) : v.toPrecision(3);
}
