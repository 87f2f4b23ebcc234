// Curves thinned for drawing: Largest-Triangle-Three-Buckets (Steinarsson 2013), endpoints kept.

/** Default number of points kept per curve for drawing. */
export const CURVE_POINTS = 200;

/**
 * Indices of at most `maxPoints` points of the polyline (xs[i], ys[i]) that keep its visual shape:
 * the first and last points always, and in each of maxPoints − 2 buckets the point forming the
 * largest triangle with the previously kept point and the mean of the next bucket. O(n).
 */
export function downsampleIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints = CURVE_POINTS): Uint32Array {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`downsample: ${n} x values but ${ys.length} y values`);
  if (n <= maxPoints || n <= 2) return Uint32Array.from({ length: n }, (_, i) => i);
  if (maxPoints < 2) throw new Error(`downsample: maxPoints must be ≥ 2, got ${maxPoints}`);
  const out = new Uint32Array(maxPoints);
  out[0] = 0;
  out[maxPoints - 1] = n - 1;
  const every = (n - 2) / (maxPoints - 2);
  let a = 0;
  for (let b = 0; b < maxPoints - 2; b++) {
    const nextStart = Math.floor((b + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j] as number;
      avgY += ys[j] as number;
    }
    const len = nextEnd - nextStart;
    avgX /= len;
    avgY /= len;
    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const ax = xs[a] as number;
    const ay = ys[a] as number;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * ((ys[j] as number) - ay) - (ax - (xs[j] as number)) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out[b + 1] = best;
    a = best;
  }
  return out;
}

/** At most `maxPoints` {x, y} points of a curve, endpoints and shape kept (see `downsampleIndices`). */
export function downsampleCurve(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints = CURVE_POINTS): { x: number; y: number }[] {
  const idx = downsampleIndices(xs, ys, maxPoints);
  return Array.from(idx, (i) => ({ x: xs[i] as number, y: ys[i] as number }));
}
