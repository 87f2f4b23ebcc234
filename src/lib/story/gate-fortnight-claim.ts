// Step 12 when the click model fails its gate: the story goes on (Replay serves its CTR policy beside
// the impressions policy on the next fortnight anyway) and one sentence sets the two claims side by
// side, each with its noise. The gate: one shadow day, the kept reserve on one share of the users
// against the champion on another, a few hundred requests each; it fails only on a shortfall beyond
// Z standard errors of the difference. The comparison: the same users and requests under both
// policies for the fortnight, paired; its difference counts only when its 95% interval excludes 0.
import type { ComparisonSummary, GateData } from '../serving/types.ts';
import { dollars, fixed } from './format.ts';

/** How the fortnight answers a failed gate: 'won'/'lost' beyond its noise, 'within' it, 'pending' before the replay. */
export type GateFortnightOutcome = 'won' | 'lost' | 'within' | 'pending';

export interface GateFortnightClaim {
  outcome: GateFortnightOutcome;
  sentence: string;
}

const perRequest = (v: number) => `$${fixed(v, 4)}`;

/** The sentence for a failed CTR gate (null when the gate passed or is not the CTR gate). */
export function gateFortnightClaim(gate: GateData | null, summary: ComparisonSummary | null | undefined): GateFortnightClaim | null {
  if (!gate || gate.objective !== 'clicks' || gate.pass) return null;
  const noise = gate.noise ?? Number.NaN;
  const said =
    `The gate on day ${gate.day}’s shadow requests said no by its rule: the reserve it kept earned ${perRequest(gate.challenger.value)} a request on its share of the users, ` +
    `the champion ${perRequest(gate.champion.value)} on another share, short by ${perRequest(gate.champion.value - gate.challenger.value)}, more than its noise (${perRequest(noise)}), so the click model was not promoted.`;
  if (!summary) {
    return { outcome: 'pending', sentence: `${said} Replay still serves its CTR policy beside the impressions policy on the next fortnight, the same users and requests, paired: the A/B test one shadow day stands in for.` };
  }
  const [lo, hi] = summary.ci;
  const outcome: GateFortnightOutcome = lo > 0 ? 'won' : hi < 0 ? 'lost' : 'within';
  const says =
    outcome === 'won'
      ? `says the CTR policy earns ${dollars(summary.total)} more, by more than the noise`
      : outcome === 'lost'
        ? `says it earns ${dollars(-summary.total)} less, by more than the noise`
        : `cannot tell them apart: ${dollars(summary.total)} is within the noise`;
  const why =
    outcome === 'won'
      ? ' They disagree because they measure different things: one day at the users’ blindness now, on a few hundred requests of different users a share, against every day of the fortnight on the same users, whose blindness recovers under fewer ads.'
      : '';
  return {
    outcome,
    sentence: `${said} The paired comparison on days ${summary.days[0]}–${summary.days[1]} ${says} (95% interval ${dollars(lo)} to ${dollars(hi)}).${why}`,
  };
}
