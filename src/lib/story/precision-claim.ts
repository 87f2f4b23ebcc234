// Whether a precision is "a fraction of a percent" (steps 7–8): below 1% by more than twice its
// standard error. Precision is tp ÷ (tp + fp) with the false positives a sample of negatives each
// weighted w, so by the delta method its variance is tp · fp · (fp + w · tp) ÷ (tp + fp)⁴ in weighted
// counts (with w = 1 the binomial p(1 − p) ÷ n).
import { Z } from './noise.ts';
import type { Counts } from './imbalance-claim.ts';
import { percent } from './format.ts';

/** The share a precision must stay under, with its noise, to read as a fraction of a percent. */
export const ONE_PERCENT = 0.01;

/** fraction: below 1% beyond the noise; percent: 1% or more beyond it; unclear: within the noise of 1%; unknown: nothing shown. */
export type PrecisionVerdict = 'fraction' | 'percent' | 'unclear' | 'unknown';

export interface PrecisionClaim {
  outcome: PrecisionVerdict;
  precision: number;
  /** Twice the precision's standard error. */
  noise: number;
  /** The clause a sentence appends for 'fraction' (empty otherwise: a precision read as a number needs no words). */
  words: string;
}

/** Twice the standard error of tp ÷ (tp + fp) when each false positive stands for w sampled negatives. */
export function precisionNoise(tp: number, fp: number, negativeWeight = 1): number {
  const s = tp + fp;
  return s > 0 ? (Z * Math.sqrt(tp * fp * (fp + negativeWeight * tp))) / (s * s) : Number.NaN;
}

/** The claim from weighted counts at one threshold and the weight of a sampled negative. */
export function precisionClaim(c: Pick<Counts, 'tp' | 'fp'>, negativeWeight = 1): PrecisionClaim {
  const s = c.tp + c.fp;
  const precision = s > 0 ? c.tp / s : Number.NaN;
  const noise = precisionNoise(c.tp, c.fp, negativeWeight);
  if (!(s > 0)) return { outcome: 'unknown', precision, noise, words: '' };
  if (precision + noise < ONE_PERCENT) return { outcome: 'fraction', precision, noise, words: `a fraction of a percent (below 1% by more than the ${percent(noise)} it can move by chance)` };
  return { outcome: precision - noise >= ONE_PERCENT ? 'percent' : 'unclear', precision, noise, words: '' };
}

/** A precision verdict against its counts (for the knob sweep). */
export function precisionContradictions(k: PrecisionClaim, c: Pick<Counts, 'tp' | 'fp'>, negativeWeight = 1): string[] {
  if (k.outcome === 'unknown') return c.tp + c.fp > 0 ? ['precision unknown with rows shown'] : [];
  const p = c.tp / (c.tp + c.fp);
  const noise = precisionNoise(c.tp, c.fp, negativeWeight);
  if (k.outcome === 'fraction' && !(p + noise < ONE_PERCENT)) return [`precision 'a fraction of a percent' at ${p} (noise ${noise})`];
  if (k.outcome === 'percent' && !(p - noise >= ONE_PERCENT)) return [`precision 'a percent or more' at ${p} (noise ${noise})`];
  if (k.outcome === 'unclear' && (p + noise < ONE_PERCENT || p - noise >= ONE_PERCENT)) return [`precision 'unclear' at ${p} (noise ${noise})`];
  return [];
}
