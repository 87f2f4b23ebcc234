// What step 12 may say about the price of exploring: the explored requests (each slot filled by a
// random candidate, so the off-policy estimate has support) against the impressions policy's own
// requests on the same days, per request. The noise rule: the difference counts only when it exceeds
// twice its standard error. The explored requests' standard error comes from their own per-request
// revenues; the others' mean, over (1 − share) ÷ share times as many requests, is given the same
// per-request spread (the log keeps only a sample of them), so the difference's standard error is
// se · √(1 + explored ÷ others).
import { dollars } from './format.ts';

export type ExplorationOutcome = 'cost' | 'gain' | 'noise' | 'unknown';

export interface ExplorationClaim {
  outcome: ExplorationOutcome;
  /** Explored minus the others' revenue per request (dollars). */
  difference: number;
  /** Twice the difference's standard error (NaN when unknown). */
  noise: number;
  sentence: string;
}

/** The numbers the claim reads (the off-policy report's fields). */
export interface ExplorationNumbers {
  requests: number;
  share: number;
  exploredRevenuePerRequest: number;
  servedRevenuePerRequest: number;
  exploredRevenueSe?: number;
}

/** A per-request amount: cents would round most of these to $0.00, so below $1 three significant digits. */
function perRequest(v: number): string {
  return Number.isFinite(v) && Math.abs(v) < 1 && v !== 0 ? `${v < 0 ? '−' : ''}$${Math.abs(v).toPrecision(3)}` : dollars(v);
}

/** The claim about exploring's price, with every outcome written. */
export function explorationClaim(n: ExplorationNumbers): ExplorationClaim {
  const explored = n.exploredRevenuePerRequest;
  const others = n.servedRevenuePerRequest;
  const difference = explored - others;
  const ratio = n.share > 0 && n.share < 1 ? n.share / (1 - n.share) : Number.NaN;
  const se = n.exploredRevenueSe ?? Number.NaN;
  const noise = 2 * se * Math.sqrt(1 + ratio);
  const pair = `the explored requests earned ${perRequest(explored)} a request against ${perRequest(others)} for the others`;
  if (!Number.isFinite(noise) || !Number.isFinite(difference)) {
    return { outcome: 'unknown', difference, noise: Number.NaN, sentence: `On these days ${pair}; too few explored requests to tell that difference from noise.` };
  }
  const within = `twice its standard error is ${perRequest(noise)}`;
  if (difference < -noise) {
    return { outcome: 'cost', difference, noise, sentence: `Exploring has a price: ${pair}, a gap beyond the noise (${within}).` };
  }
  if (difference > noise) {
    return {
      outcome: 'gain',
      difference,
      noise,
      sentence: `Exploring cost nothing here: ${pair}, more beyond the noise (${within}), so on this world random ads earned more than the policy’s own choice.`,
    };
  }
  return {
    outcome: 'noise',
    difference,
    noise,
    sentence: `Whether exploring has a price does not show on these days: ${pair}, a difference within the noise (${within}).`,
  };
}

/** Sentences that contradict the claim's own numbers (empty when consistent). */
export function explorationContradictions(c: ExplorationClaim): string[] {
  const out: string[] = [];
  if (c.outcome === 'cost' && !(c.difference < -c.noise)) out.push('says exploring has a price, but the explored requests did not earn less beyond the noise');
  if (c.outcome === 'gain' && !(c.difference > c.noise)) out.push('says the explored requests earned more, but not beyond the noise');
  if (c.outcome === 'noise' && !(Math.abs(c.difference) <= c.noise)) out.push('says the difference is noise, but it exceeds twice its standard error');
  return out;
}
