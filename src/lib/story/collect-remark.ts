// Step 8's remark on a collected set far from the story's: at the story's skew the kept rows are
// about one "show" in ten (every "show" of 10,000,000 candidates at 0.01%, and 0.1% of the rest);
// at a large skew keeping every "show" and a share w of the rest turns the imbalance around, and
// the model then learns a world where "show" is the common case. Said when "show" is the majority.
// A collection streamed fewer candidates than the story's (a large skew) says so too.
import { count, percent } from './format.ts';
import { COLLECT_POSITIVES, COLLECT_ROWS } from '../labels/story.ts';

export interface CollectRemark {
  /** Share of the kept rows labelled "show" (unweighted). */
  share: number;
  reversed: boolean;
  /** True when fewer candidates than the story's were streamed (a skew above the story's). */
  scaled: boolean;
  sentence: string;
}

export function collectRemark(kept: number, positives: number, keep: number, streamed = COLLECT_ROWS): CollectRemark {
  const share = kept > 0 ? positives / kept : Number.NaN;
  // Keeping every candidate (w = 1, the default at skew 0.5) keeps the log's own balance: nothing is turned around.
  const reversed = share > 0.5 && keep < 1;
  const scaled = streamed < COLLECT_ROWS;
  const scaledSentence = scaled
    ? `At this skew ${count(streamed)} candidates hold about the ${count(COLLECT_POSITIVES)} ads worth showing that the story’s ${count(COLLECT_ROWS)} hold at 0.01%, so the collection streams only those (and trains more epochs on the smaller set).`
    : '';
  const reversedSentence = reversed
    ? `Far from the story’s world: the collected rows are ${percent(share, 0)} “show”, the log’s imbalance turned around, because keeping every “show” and only ${percent(keep, 2)} of the rest leaves the “show” rows in the majority at this skew; the model trained on them sees “show” as the common case, so its raw scores run high until they are recalibrated, and a larger keep rate would keep the set nearer the real balance.`
    : '';
  const sentence = [scaledSentence, reversedSentence].filter((s) => s).join(' ');
  return { share, reversed, scaled, sentence };
}
