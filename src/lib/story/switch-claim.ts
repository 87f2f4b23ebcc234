// What step 12 may claim about the switch to CTR, read from the paired comparison's interval:
// a win only when the whole 95% interval of the revenue difference is above zero, a loss only
// when it is below, otherwise the difference is within the noise.

import { dollars } from './format.ts';

/** The claim's verdict. */
export type SwitchOutcome = 'won' | 'lost' | 'noise';

/** The verdict with the numbers it rests on (CTR policy minus impressions policy, dollars). */
export interface SwitchClaim {
  outcome: SwitchOutcome;
  total: number;
  low: number;
  high: number;
  /** The claim in one sentence. */
  sentence: string;
}

/** Dollars for a sentence, as the tiles beside it read them (format.ts: "$1,234", "−$56.40"). */
const usd = dollars;

/** The claim from the total difference and its 95% interval (NaN when there is no comparison). */
export function switchClaim(total: number, ci: readonly [number, number]): SwitchClaim | null {
  const [low, high] = ci;
  if (![total, low, high].every(Number.isFinite)) return null;
  const range = `(95% interval ${usd(low)} to ${usd(high)})`;
  if (low > 0) return { outcome: 'won', total, low, high, sentence: `The CTR policy won: it earned ${usd(total)} more ${range}, an interval that lies entirely above zero.` };
  if (high < 0) return { outcome: 'lost', total, low, high, sentence: `The CTR policy lost: it earned ${usd(-total)} less ${range}, an interval that lies entirely below zero.` };
  return { outcome: 'noise', total, low, high, sentence: `The difference, ${usd(total)} ${range}, is within the noise: the interval contains zero, so these days do not show that either policy earns more.` };
}
