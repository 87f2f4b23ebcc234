// A weighted sample of one column: values with example weights (1 when unweighted), and its
// Kish effective size, which the tests' p-values use as their sample size.

/** Values of one column with their example weights. */
export interface Weighted {
  values: ArrayLike<number>;
  /** Example weights (all 1 if omitted). */
  weights?: ArrayLike<number>;
}

/** Weight of row i (1 without weights). */
export function weightAt(s: Weighted, i: number): number {
  return s.weights ? (s.weights[i] as number) : 1;
}

/** Sum of the weights. */
export function totalWeight(s: Weighted): number {
  if (!s.weights) return s.values.length;
  let t = 0;
  for (let i = 0; i < s.values.length; i++) t += s.weights[i] as number;
  return t;
}

/** Kish's effective sample size (Σw)² / Σw²: the row count for unit weights, fewer for uneven ones. */
export function effectiveSize(s: Weighted): number {
  if (!s.weights) return s.values.length;
  let a = 0;
  let b = 0;
  for (let i = 0; i < s.values.length; i++) {
    const w = s.weights[i] as number;
    a += w;
    b += w * w;
  }
  return b > 0 ? (a * a) / b : 0;
}

/** Weighted mean and (population) standard deviation, as numpy's np.std with ddof = 0. */
export function meanStd(s: Weighted): { mean: number; std: number } {
  let sw = 0;
  let sx = 0;
  for (let i = 0; i < s.values.length; i++) {
    const w = weightAt(s, i);
    sw += w;
    sx += w * (s.values[i] as number);
  }
  const mean = sw > 0 ? sx / sw : NaN;
  let sv = 0;
  for (let i = 0; i < s.values.length; i++) {
    const d = (s.values[i] as number) - mean;
    sv += weightAt(s, i) * d * d;
  }
  return { mean, std: sw > 0 ? Math.sqrt(sv / sw) : NaN };
}

/** Number of distinct values in both samples together (stops counting past `cap`). */
export function distinctCount(a: Weighted, b: Weighted, cap = Infinity): number {
  const seen = new Set<number>();
  for (const s of [a, b]) {
    for (let i = 0; i < s.values.length; i++) {
      seen.add(s.values[i] as number);
      if (seen.size > cap) return seen.size;
    }
  }
  return seen.size;
}
