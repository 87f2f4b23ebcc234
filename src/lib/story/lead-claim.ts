// What step 12 may say about the impressions policy's lead over the rule-based baseline on the same
// requests (the holdback): how much more (or less) it earned in the first and the last days, and
// whether that lead shrank. The lead's change is judged by the ratio's own noise (holdback-claim.ts:
// the revenue ratio's first window against its last, beyond twice the standard error of the daily
// ratios' successive differences, von Neumann et al. 1941), not by the policy's revenue noise alone,
// a different quantity. "Shrinks" needs the lead to have started above the baseline beyond its noise;
// the users' blindness is named as the mechanism only when their measured blindness rose.
import type { HoldbackClaim } from './holdback-claim.ts';
import type { Trend } from './live-claim.ts';
import { percent, percents } from './format.ts';

/**
 * shrinks-blind: started above, fell beyond the ratio's noise, and the users' blindness rose;
 * shrinks: the same without the blindness rising; fell: the ratio fell but had not started above;
 * grew: the ratio rose beyond its noise; flat: within it; unknown: too few days for the holdback.
 */
export type LeadOutcome = 'shrinks-blind' | 'shrinks' | 'fell' | 'grew' | 'flat' | 'unknown';

export interface LeadClaim {
  outcome: LeadOutcome;
  /** The policy's revenue ÷ the baseline's, minus 1, in the first and the last window. */
  first: number;
  last: number;
  /** 'more' or 'less' for each window's lead, as the sentence reads them. */
  words: ['more' | 'less', 'more' | 'less'];
  /** The ratio's relative change, last window over first, and the smallest counted as real (NaN when unknown). */
  change: number;
  noise: number;
  /** The sentence's tail after "… in the last days" (empty when unknown). */
  tail: string;
}

const word = (lead: number): 'more' | 'less' => (lead >= 0 ? 'more' : 'less');

/** The lead claim from the two windows' revenue ratios, the holdback claim (null with too few days) and the live days' blindness. */
export function leadClaim(firstRatio: number, lastRatio: number, hold: HoldbackClaim | null, blind: Trend | null): LeadClaim {
  const first = firstRatio - 1;
  const last = lastRatio - 1;
  const base = { first, last, words: [word(first), word(last)] as LeadClaim['words'] };
  if (!hold) return { ...base, outcome: 'unknown', change: Number.NaN, noise: Number.NaN, tail: '' };
  const r = hold.revenue;
  const by = `${percent(Math.abs(r.change))}, more than the ${percent(r.noise)} the ratio moves by from day to day`;
  const common = { ...base, change: r.change, noise: r.noise };
  if (r.direction === 'fell' && r.startedAbove) {
    if (blind?.direction === 'rose') {
      const from = percents([blind.first, blind.last]).join(' to ');
      return { ...common, outcome: 'shrinks-blind', tail: `: its lead shrinks by ${by}, while its users’ measured blindness to ads rose from ${from}` };
    }
    return { ...common, outcome: 'shrinks', tail: `: its lead shrinks by ${by}` };
  }
  if (r.direction === 'fell') return { ...common, outcome: 'fell', tail: `: against the baseline its revenue fell by ${by}, though it had not started above it beyond the noise` };
  if (r.direction === 'rose') return { ...common, outcome: 'grew', tail: `: against the baseline its revenue rose by ${by}` };
  return { ...common, outcome: 'flat', tail: `, a change of ${percent(Math.abs(r.change))}, within the ${percent(r.noise)} the ratio moves by from day to day` };
}

/** Sentences of a lead claim that contradict the holdback it read (for the knob sweep). */
export function leadContradictions(c: LeadClaim, hold: HoldbackClaim | null, blind: Trend | null): string[] {
  const out: string[] = [];
  if (c.words[0] !== word(c.first) || c.words[1] !== word(c.last)) out.push(`lead words ${c.words.join('/')} against leads ${c.first}, ${c.last}`);
  if (!hold) {
    if (c.outcome !== 'unknown') out.push(`lead '${c.outcome}' without a holdback`);
    return out;
  }
  const r = hold.revenue;
  const shrank = c.outcome === 'shrinks' || c.outcome === 'shrinks-blind';
  if (shrank && !(r.startedAbove && r.change < -r.noise)) out.push(`lead '${c.outcome}' but the ratio changed ${r.change} (noise ${r.noise}, started above: ${r.startedAbove})`);
  if (c.outcome === 'shrinks-blind' && blind?.direction !== 'rose') out.push('lead names blindness, but the measured blindness did not rise');
  if (c.outcome === 'fell' && !(r.change < -r.noise && !r.startedAbove)) out.push(`lead 'fell' but the ratio changed ${r.change}`);
  if (c.outcome === 'grew' && !(r.change > r.noise)) out.push(`lead 'grew' but the ratio changed ${r.change} (noise ${r.noise})`);
  if (c.outcome === 'flat' && Math.abs(r.change) > r.noise) out.push(`lead 'flat' but the ratio changed ${r.change} (noise ${r.noise})`);
  return out;
}
