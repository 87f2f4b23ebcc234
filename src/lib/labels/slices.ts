// Error analysis by slice: weighted error rates at the model's top-ranked rows and each slice's share
// of the false positives there (McMahan et al. 2013 report metrics per slice the same way).
import { perSlice } from '../metrics/slices.ts';

/** One family of slices: a name per code and the code of every row. */
export interface SliceFamily {
  /** E.g. 'query', 'ad', 'device', 'days', 'cell'. */
  family: string;
  names: readonly string[];
  keys: Uint8Array | Uint16Array;
}

/** One slice's weighted numbers at the top-ranked threshold. */
export interface SliceRow {
  /** "<family>:<name>", e.g. "cell:travel×finance". */
  slice: string;
  family: string;
  name: string;
  rows: number;
  /** Σw of the slice. */
  weight: number;
  /** Observed positive rate (Σw·y / Σw). */
  positiveRate: number;
  /** Mean prediction (Σw·p / Σw). */
  meanPrediction: number;
  /** Weighted share of the slice's rows misclassified at the threshold (false positives + false negatives). */
  errorRate: number;
  /** Weighted false positives at the threshold. */
  falsePositives: number;
  /** The slice's share of all false positives at the threshold (NaN when there are none). */
  fpShare: number;
}

/** The score above which the top `share` of the rows (by weight) lie. */
export function topThreshold(pred: ArrayLike<number>, weights: ArrayLike<number>, share: number): number {
  const order = Array.from({ length: pred.length }, (_, i) => i).sort((a, b) => (pred[b] as number) - (pred[a] as number));
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] as number;
  let seen = 0;
  let t = Infinity;
  for (const r of order) {
    if (seen >= share * total) break;
    seen += weights[r] as number;
    t = pred[r] as number;
  }
  return t;
}

/** Every slice of every family at threshold t (predicted positive ⇔ p ≥ t), worst error rate first. */
export function sliceTable(pred: Float32Array, labels: Uint8Array, weights: Float32Array, families: SliceFamily[], t: number): SliceRow[] {
  let fpTotal = 0;
  for (let i = 0; i < pred.length; i++) if ((pred[i] as number) >= t && labels[i] === 0) fpTotal += weights[i] as number;
  const out: SliceRow[] = [];
  for (const f of families) {
    const res = perSlice(f.keys, pred, labels, weights, (p, y, w) => {
      let fp = 0;
      let fn = 0;
      let sp = 0;
      for (let i = 0; i < p.length; i++) {
        const wi = w ? (w[i] as number) : 1;
        const yes = (p[i] as number) >= t;
        if (yes && y[i] === 0) fp += wi;
        if (!yes && y[i] === 1) fn += wi;
        sp += wi * (p[i] as number);
      }
      return { fp, fn, sp };
    });
    for (const r of res) {
      const name = f.names[r.key] ?? String(r.key);
      out.push({
        slice: `${f.family}:${name}`,
        family: f.family,
        name,
        rows: r.rows,
        weight: r.weight,
        positiveRate: r.positives / r.weight,
        meanPrediction: r.value.sp / r.weight,
        errorRate: (r.value.fp + r.value.fn) / r.weight,
        falsePositives: r.value.fp,
        fpShare: fpTotal > 0 ? r.value.fp / fpTotal : Number.NaN,
      });
    }
  }
  return out.sort((a, b) => b.errorRate - a.errorRate || a.slice.localeCompare(b.slice));
}
