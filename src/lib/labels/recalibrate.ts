// Negative downsampling and class weights, and their correction (He et al., "Practical Lessons from
// Predicting Clicks on Ads at Facebook", ADKDD 2014, for the keep rate; King & Zeng, "Logistic
// Regression in Rare Events Data", Political Analysis 2001, for weighted classes). A model trained on
// all positives at weight c and a fraction w of the negatives at weight 1 learns odds c/w times the
// true odds, so it scores p = c·q / (c·q + w(1 − q)) where the truth is q, and
// q = p / (p + c(1 − p)/w) brings it back. Negatives upweighted by 1/w undo the keep rate (w = 1 in
// the formula); c = 1 is no class weight.

/** The probability a model trained on negatives kept at rate w (positives weighted c) learns for a true rate q. */
export function downsampledRate(q: number, w: number, c = 1): number {
  return (c * q) / (c * q + (1 - q) * w);
}

/** The recalibrated probability of a prediction p made by a model trained with negatives kept at rate w and positives weighted c. */
export function recalibrate(p: number, w: number, c = 1): number {
  if (!(w > 0 && w <= 1)) throw new Error(`recalibrate: the keep rate w must be in (0, 1], got ${w}`);
  if (!(c > 0) || !Number.isFinite(c)) throw new Error(`recalibrate: the class weight c must be a positive number, got ${c}`);
  return p / (p + (c * (1 - p)) / w);
}

/** recalibrate() over an array, into a new Float32Array. */
export function recalibrateAll(p: ArrayLike<number>, w: number, c = 1): Float32Array {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = recalibrate(p[i] as number, w, c);
  return out;
}

/**
 * The keep rate the formula needs for a collection: its own keep rate when the kept negatives
 * weighed 1, or 1 when they were upweighted by 1/w (which undoes the downsampling).
 */
export function effectiveKeep(collection: { keep: number; upweight: boolean }): number {
  return collection.upweight ? 1 : collection.keep;
}

/** Whether a collection's model scores need recalibrating: downsampled without upweighting, or a class weight ≠ 1. */
export function needsRecalibration(collection: { keep: number; upweight: boolean; positiveWeight: number }): boolean {
  return effectiveKeep(collection) < 1 || collection.positiveWeight !== 1;
}
