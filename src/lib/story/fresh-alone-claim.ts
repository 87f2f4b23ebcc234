// Step 12's freshness-alone verdict: the fresh should-show model minus its twin (the same learner and
// rows of the same named stream, fitted on the impressions model's days), paired over users. Noise
// rule: the difference counts only when its 95% bootstrap interval excludes zero. When the world's
// day tables are the same on every day of both ranges (a stationary world, drift 0), the two models
// draw the same rows (only the day differs) and fit the same weights, so they serve the same ads on
// every request: freshness is worth exactly nothing there, and the sentence says why.
import type { ArmSummary } from '../serving/types.ts';

type Alone = NonNullable<ArmSummary['alone']>;

/** 'same-world': no day differs from another, both models are one; 'gained'/'lost': beyond the noise; 'within': inside it. */
export type FreshAloneOutcome = 'same-world' | 'gained' | 'lost' | 'within';

export function freshAloneOutcome(a: Alone): FreshAloneOutcome {
  if (a.stillWorld && a.sameModel) return 'same-world';
  if (a.ci[0] > 0) return 'gained';
  if (a.ci[1] < 0) return 'lost';
  return 'within';
}

/** The clause that ends the freshness-alone sentence, after its number and interval. */
export function freshAloneClause(a: Alone): string {
  switch (freshAloneOutcome(a)) {
    case 'same-world':
      return `: exactly nothing, because this world does not change from day to day (no day’s query mix, devices or topics differs from another’s), so the rows drawn on the click model’s days and on days ${a.days[0]}–${a.days[1]} are the same rows, the two fits have the same weights and they show the same ads on every request. Fresher data is worth something only when the world moves`;
    case 'gained':
      return ', more than the noise: the fresher days earn more';
    case 'lost':
      return ', less than the noise allows: the fresher days earn less';
    default:
      return ', within the noise';
  }
}
