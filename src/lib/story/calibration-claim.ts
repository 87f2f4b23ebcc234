// What steps 7–8 may say about a model's probabilities on the gold stream: whether its calibration
// (mean prediction ÷ observed rate) is 1 within the noise, close to it, or off; and whether its
// normalized entropy is above 1 (worse than always predicting the base rate) beyond the noise.
// The noise rule: the observed rate is a binomial share of P positives, so its relative standard
// error is √((1 − π)/P) (the mean prediction, averaged over every row, moves far less); with the
// negatives sampled and each weighted w, the delta method gives √((1 − π)(1 − π + wπ)/P); a ratio
// within twice that of 1 is calibrated as far as these rows can tell. Beyond the noise, a ratio
// within CALIBRATION_TOLERANCE of 1 is "close" (the tolerance is said on screen). Normalized entropy
// (He et al., ADKDD 2014) is a log loss over the entropy of the base rate; with rare positives both
// are sums over the positives' rows, so its relative error is taken as 1/√P (conservative: the two
// move together, which a ratio partly cancels).
import { CALIBRATION_TOLERANCE } from '../labels/story.ts';
import { Z } from './noise.ts';
import { percent } from './format.ts';

/**
 * calibrated: within the noise of 1 (the noise itself within the tolerance); near: beyond the noise
 * but within the tolerance; over / under: beyond both; few: within a noise wider than the tolerance
 * (too few positives to tell); unknown: no ratio or no positives.
 */
export type CalibrationVerdict = 'calibrated' | 'near' | 'over' | 'under' | 'few' | 'unknown';

export interface CalibrationClaim {
  outcome: CalibrationVerdict;
  ratio: number;
  /** |ratio − 1|. */
  off: number;
  /** Twice the observed rate's relative standard error: the smallest |ratio − 1| counted as real. */
  noise: number;
  tolerance: number;
  positives: number;
  rows: number;
  negativeWeight: number;
  /** The verdict as a clause: "calibrated again, within the 4% …" (step 8 prefixes nothing). */
  words: string;
  /** The verdict as step 7's closing sentence. */
  sentence: string;
}

/** Twice the observed rate's relative standard error: P positives among `rows` rows whose negatives each weigh w. */
export function rateNoise(positives: number, rows: number, negativeWeight = 1): number {
  if (!(positives >= 1 && rows > positives)) return Number.NaN;
  const rate = positives / (positives + negativeWeight * (rows - positives));
  return Z * Math.sqrt(((1 - rate) * (1 - rate + negativeWeight * rate)) / positives);
}

/** The calibration claim from a report's ratio, its positives and rows, and the weight of a sampled negative. */
export function calibrationClaim(ratio: number, positives: number, rows: number, negativeWeight = 1, tolerance = CALIBRATION_TOLERANCE): CalibrationClaim {
  const noise = rateNoise(positives, rows, negativeWeight);
  const off = Math.abs(ratio - 1);
  const base = { ratio, off, noise, tolerance, positives, rows, negativeWeight };
  const chance = `the ${percent(noise)} its observed rate can move by chance on ${Math.round(positives).toLocaleString('en-US')} positives`;
  if (!Number.isFinite(ratio) || !Number.isFinite(noise)) {
    return { ...base, outcome: 'unknown', words: 'not measurable yet', sentence: '' };
  }
  if (off <= noise) {
    if (noise <= tolerance) {
      return { ...base, outcome: 'calibrated', words: `calibrated again, within ${chance}`, sentence: `That is within ${chance}: its probabilities can be trusted again, on average.` };
    }
    const few = `too few positives to tell: ${chance} is more than the ${percent(tolerance)} a calibrated model may be off by`;
    return { ...base, outcome: 'few', words: few, sentence: `Whether it is calibrated is ${few}.` };
  }
  const offWords = `${percent(off)} off the true rate, beyond ${chance}`;
  if (off <= tolerance) {
    return { ...base, outcome: 'near', words: `close to calibrated (${offWords}, within the ${percent(tolerance)} tolerance)`, sentence: `That is ${offWords}, but within the ${percent(tolerance)} tolerance: its probabilities can be trusted, on average, to that.` };
  }
  const outcome = ratio > 1 ? 'over' : 'under';
  return { ...base, outcome, words: `still not calibrated (${offWords} and the ${percent(tolerance)} tolerance)`, sentence: `That is still ${offWords} and the ${percent(tolerance)} tolerance: this model is not calibrated, whatever the formula promises.` };
}

/** Normalized entropy above 1 beyond its noise (worse than predicting the base rate), within it, or below. */
export type EntropyVerdict = 'above' | 'near' | 'below' | 'unknown';

export interface EntropyClaim {
  outcome: EntropyVerdict;
  ne: number;
  /** The smallest |NE − 1| counted as real: twice NE ÷ √P. */
  noise: number;
}

/** The normalized-entropy claim from its value and the report's (weighted) positives. */
export function entropyClaim(ne: number, positives: number): EntropyClaim {
  const noise = positives >= 1 ? (Z * ne) / Math.sqrt(positives) : Number.NaN;
  if (!Number.isFinite(ne) || !Number.isFinite(noise)) return { outcome: 'unknown', ne, noise: Number.NaN };
  return { outcome: ne - 1 > noise ? 'above' : 1 - ne > noise ? 'below' : 'near', ne, noise };
}

/** Verdicts of the two claims that contradict their own numbers (for the knob sweep). */
export function calibrationContradictions(c: CalibrationClaim, e?: EntropyClaim): string[] {
  const out: string[] = [];
  if (c.outcome !== 'unknown') {
    const noise = rateNoise(c.positives, c.rows, c.negativeWeight);
    if (Math.abs(noise - c.noise) > 1e-12) out.push(`calibration noise ${c.noise} is not twice the observed rate's binomial error ${noise}`);
    const within = c.off <= c.noise;
    if ((c.outcome === 'calibrated' || c.outcome === 'few') !== within) out.push(`calibration '${c.outcome}' at ${c.ratio} with noise ${c.noise}`);
    if (c.outcome === 'calibrated' && c.noise > c.tolerance) out.push(`calibration 'calibrated' with a noise ${c.noise} above the tolerance`);
    if (c.outcome === 'near' && !(c.off > c.noise && c.off <= c.tolerance)) out.push(`calibration 'near' at ${c.ratio}`);
    if ((c.outcome === 'over' || c.outcome === 'under') && !(c.off > c.noise && c.off > c.tolerance && (c.outcome === 'over') === c.ratio > 1)) out.push(`calibration '${c.outcome}' at ${c.ratio}`);
  }
  if (e && e.outcome !== 'unknown') {
    if (e.outcome === 'above' && !(e.ne - 1 > e.noise)) out.push(`NE 'above 1' at ${e.ne} (noise ${e.noise})`);
    if (e.outcome === 'below' && !(1 - e.ne > e.noise)) out.push(`NE 'below 1' at ${e.ne} (noise ${e.noise})`);
    if (e.outcome === 'near' && Math.abs(e.ne - 1) > e.noise) out.push(`NE 'near 1' at ${e.ne} (noise ${e.noise})`);
  }
  return out;
}
