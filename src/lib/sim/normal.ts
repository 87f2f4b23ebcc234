// The standard normal distribution: its upper tail (for solving the skew threshold) and its
// inverse CDF (for drawing the unobserved part of the relevance score fast and exactly in the tails).

/** Upper tail probability Q(x) = P(Z > x) for a standard normal Z (relative error < 1.2e-7). */
export function normalTail(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const q = 0.5 * r;
  return x >= 0 ? q : 1 - q;
}

/** Acklam's rational approximation coefficients of the inverse normal CDF. */
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
/** Below this probability (and above 1 − it) Acklam's tail formula is used. */
const P_LOW = 0.02425;

/** The inverse standard normal CDF Φ⁻¹(p) for p in (0, 1) (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Cells of the central lookup table of Φ⁻¹ (linear interpolation inside each). */
const TABLE_CELLS = 8192;
/** The central table covers p in [TABLE_LO, 1 − TABLE_LO]; outside it the exact formula runs. */
const TABLE_LO = 0.01;
/** Φ⁻¹ at TABLE_CELLS + 1 evenly spaced points of [TABLE_LO, 1 − TABLE_LO]. */
const TABLE = (() => {
  const t = new Float64Array(TABLE_CELLS + 1);
  for (let i = 0; i <= TABLE_CELLS; i++) t[i] = normalQuantile(TABLE_LO + ((1 - 2 * TABLE_LO) * i) / TABLE_CELLS);
  return t;
})();
/** Table cells per unit of probability. */
const TABLE_SCALE = TABLE_CELLS / (1 - 2 * TABLE_LO);

/** Φ⁻¹(p) fast: table with interpolation in the centre, the exact formula in the 2% of tails. */
export function fastNormalQuantile(p: number): number {
  if (p < TABLE_LO || p > 1 - TABLE_LO) return normalQuantile(p < 1e-300 ? 1e-300 : p);
  const x = (p - TABLE_LO) * TABLE_SCALE;
  let i = x | 0;
  if (i >= TABLE_CELLS) i = TABLE_CELLS - 1;
  const f = x - i;
  const lo = TABLE[i] as number;
  return lo + f * ((TABLE[i + 1] as number) - lo);
}
