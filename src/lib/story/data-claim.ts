// What step 2 may say about the labels it obtained, computed from the data card's numbers: how the
// annotators' mistakes move the labelled rate, and how much of the "show" labels one buggy
// labelling batch contributes. In this world the annotators miss a share `noise` of the pairs truly
// worth showing and mark noise·skew/(1−skew) of the others "show" (src/lib/sim/world.ts), so on
// average their two kinds of mistakes cancel and the labelled rate stays at the skew; what lifts it
// above the skew is the buggy batch, which marks many irrelevant pairs of its slice "show".
import { BUGGY_AD_CAT, BUGGY_DAYS, BUGGY_DEVICE, BUGGY_QUERY_CAT } from '../sim/constants.ts';
import { CATEGORIES, DEVICES } from '../sim/types.ts';
import { Z, compare, type Change } from './noise.ts';
import { percent } from './format.ts';
import { MOST_SHARE } from './labels-claim.ts';
import { stepRef } from './steps.ts';

/** The buggy batch in words: "travel queries × finance ads on mobile, days 20–34". */
export const BUGGY_BATCH = `${CATEGORIES[BUGGY_QUERY_CAT]} queries × ${CATEGORIES[BUGGY_AD_CAT]} ads on ${DEVICES[BUGGY_DEVICE]}, days ${BUGGY_DAYS[0]}–${BUGGY_DAYS[1]}`;

/** The buggy batch's share of the "show" labels: none of them, some, or at least half. */
export type BuggyOutcome = 'none' | 'some' | 'most';

export interface DataInputs {
  /** Weighted count of all rows. */
  total: number;
  /** Weighted count of rows labelled "show". */
  positives: number;
  /** Weighted count of rows labelled "show" by the buggy batch. */
  buggyPositives: number;
  /** The skew knob: the share truly worth showing. */
  skew: number;
  /** The noise knob: the share of good pairs the annotators miss. */
  noise: number;
}

export interface DataClaim {
  buggy: BuggyOutcome;
  /** Share of the "show" labels that come from the buggy batch (NaN with no "show" label). */
  buggyShare: number;
  /** The labelled rate without the buggy batch's "show" labels. */
  cleanRate: number;
  /** That rate against the skew, judged by the binomial standard error of a rate of `skew` over `total` rows. */
  clean: Change;
  /** The sentence on the annotators (the noise slider, as the data card defines it). */
  annotators: string;
  /** The sentence on the buggy batch. */
  batch: string;
}

export function dataClaim(d: DataInputs): DataClaim {
  const buggyShare = d.positives > 0 ? d.buggyPositives / d.positives : NaN;
  const buggy: BuggyOutcome = !(d.buggyPositives > 0) ? 'none' : buggyShare >= MOST_SHARE ? 'most' : 'some';
  const cleanRate = d.total > 0 ? (d.positives - d.buggyPositives) / d.total : NaN;
  const se = d.total > 0 ? Math.sqrt((d.skew * (1 - d.skew)) / d.total) : NaN;
  const clean = compare(d.skew, cleanRate, Z * se).change;
  const annotators =
    d.noise === 0
      ? `At noise 0 the annotators make no mistakes of their own.`
      : `The annotators miss ${percent(d.noise)} of the ads worth showing and mark about as many bad pairs “show”, so on average their mistakes cancel in the rate while they scramble which rows are labelled “show”.`;
  const cleanWords =
    clean === 'same'
      ? `without it the labelled rate would be ${percent(cleanRate)}, within the noise of the ${percent(d.skew)} truly worth showing`
      : `without it the labelled rate would be ${percent(cleanRate)}, ${clean === 'up' ? 'above' : 'below'} the ${percent(d.skew)} truly worth showing by more than the noise`;
  const batch =
    buggy === 'none'
      ? `One batch (${BUGGY_BATCH}) was labelled by a buggy process, but none of this log’s “show” labels come from it.`
      : `One batch (${BUGGY_BATCH}) was labelled by a buggy process that marks irrelevant pairs “show”: ${percent(buggyShare, 1)} of the “show” labels come from it${buggy === 'most' ? ', most of them' : ''}; ${cleanWords}. The sample below flags any of its rows it drew; nobody in the story knows yet, and ${stepRef('labels')} has to find them from the model’s mistakes.`;
  return { buggy, buggyShare, cleanRate, clean, annotators, batch };
}
