// Turns a dataset's columns into a dense feature matrix for training and evaluation.
// Interim builder until src/lib/features lands: one-hots, standardised numerics, the category cross.
import { CATEGORIES, DEVICES, type Columns } from '../../src/lib/sim/types.ts';
import type { FeatureToggles } from '../lab-types.ts';

/** A fitted transform: which blocks, and numeric statistics from the training rows only. */
export interface FittedFeatures {
  toggles: FeatureToggles;
  names: string[];
  /** Mean and standard deviation of each numeric feature. */
  stats: { mean: number; sd: number }[];
}

/** A dense row-major matrix and its column names. */
export interface FeatureMatrix {
  X: Float32Array;
  n: number;
  d: number;
  names: string[];
}

const K = CATEGORIES.length;
/** Numeric features: name and how to read it from a row. */
const NUMERICS: [string, (c: Columns, i: number) => number][] = [
  ['intent', (c, i) => c.intent[i]!],
  ['quality', (c, i) => c.quality[i]!],
  ['log_bid', (c, i) => Math.log(c.bid[i]!)],
];

/** Column names for the toggles. */
function namesFor(t: FeatureToggles): string[] {
  const names: string[] = [];
  if (t.oneHots) {
    for (const c of CATEGORIES) names.push(`query=${c}`);
    for (const c of CATEGORIES) names.push(`ad=${c}`);
    for (const d of DEVICES) names.push(`device=${d}`);
  }
  if (t.numerics) for (const [n] of NUMERICS) names.push(n);
  if (t.cross) for (const q of CATEGORIES) for (const a of CATEGORIES) names.push(`${q}×${a}`);
  return names;
}

/** Fits numeric statistics on `rows` (all rows if omitted). */
export function fitFeatures(t: FeatureToggles, c: Columns, rows?: ArrayLike<number>): FittedFeatures {
  const stats = NUMERICS.map(([, get]) => {
    let s = 0;
    let s2 = 0;
    const n = rows ? rows.length : c.n;
    for (let k = 0; k < n; k++) {
      const v = get(c, rows ? rows[k]! : k);
      s += v;
      s2 += v * v;
    }
    const mean = n > 0 ? s / n : 0;
    return { mean, sd: Math.sqrt(Math.max(1e-12, n > 0 ? s2 / n - mean * mean : 1)) };
  });
  return { toggles: t, names: namesFor(t), stats };
}

/** The matrix for `rows` of c (all rows if omitted), in the order given. */
export function transform(f: FittedFeatures, c: Columns, rows?: ArrayLike<number>): FeatureMatrix {
  const t = f.toggles;
  const n = rows ? rows.length : c.n;
  const d = f.names.length;
  const X = new Float32Array(n * d);
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k]! : k;
    let o = k * d;
    if (t.oneHots) {
      X[o + c.queryCat[i]!] = 1;
      X[o + K + c.adCat[i]!] = 1;
      X[o + 2 * K + c.device[i]!] = 1;
      o += 2 * K + DEVICES.length;
    }
    if (t.numerics) {
      NUMERICS.forEach(([, get], j) => {
        const s = f.stats[j]!;
        X[o + j] = (get(c, i) - s.mean) / s.sd;
      });
      o += NUMERICS.length;
    }
    if (t.cross) X[o + c.queryCat[i]! * K + c.adCat[i]!] = 1;
  }
  return { X, n, d, names: f.names };
}
