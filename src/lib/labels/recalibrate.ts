// Negative downsampling and its correction (He et al., "Practical Lessons from Predicting Clicks on
// Ads at Facebook", ADKDD 2014): a model trained on all positives and a fraction w of the negatives
// over-predicts; q = p / (p + (1 − p)/w) brings its prediction back to the true rate.

/** The probability a model trained on negatives kept at rate w learns for a true rate q. */
export function downsampledRate(q: number, w: number): number {
  return q / (q + (1 - q) * w);
}

/** The recalibrated probability of a prediction p made by a model trained with negatives kept at rate w. */
export function recalibrate(p: number, w: number): number {
  if (!(w > 0 && w <= 1)) throw new Error(`recalibrate: the keep rate w must be in (0, 1], got ${w}`);
  return p / (p + (1 - p) / w);
}

/** recalibrate() over an array, into a new Float32Array. */
export function recalibrateAll(p: ArrayLike<number>, w: number): Float32Array {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = recalibrate(p[i] as number, w);
  return out;
}
