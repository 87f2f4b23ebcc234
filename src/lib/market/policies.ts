// Policies as data: a scorer plus a rule. The rule picks, for one query, which of its candidates
// are shown and in what order; the constructors below build the four policies of the story.
import type { Columns } from '../sim/types.ts';
import { hashUniform, seedKey } from './hash.ts';
import { CANDIDATES_PER_QUERY } from './stream.ts';
import type { Policy } from './types.ts';

/**
 * Picks the shown candidates of one query: rows [start, start + count) of a batch with scores
 * `scores`; writes the chosen rows to `out` in slot order and returns how many were shown. Ties
 * go to the earlier candidate.
 */
export function selectAds(policy: Policy, cands: Columns, scores: Float32Array, start: number, count: number, out: Uint32Array): number {
  const byValue = policy.rule === 'topk-by-value';
  const max = Math.min(policy.maxAds, out.length, count);
  if (max <= 0) return 0;
  // The eligible candidates by descending key, ties in candidate order (an insertion sort of at
  // most `count` entries, keeping the best `max`): the same picks as taking the best one slot by slot.
  const keys = keyBuffer.length >= max ? keyBuffer : (keyBuffer = new Float64Array(max));
  let shown = 0;
  for (let r = start; r < start + count; r++) {
    const s = scores[r] as number;
    const key = byValue ? s * (cands.bid[r] as number) : s;
    if (!(key >= policy.threshold)) continue;
    if (shown === max && !(key > (keys[max - 1] as number))) continue;
    let i = shown < max ? shown++ : max - 1;
    while (i > 0 && key > (keys[i - 1] as number)) {
      keys[i] = keys[i - 1] as number;
      out[i] = out[i - 1] as number;
      i--;
    }
    keys[i] = key;
    out[i] = r;
  }
  return shown;
}

/** Scratch keys of selectAds (grown on demand). */
let keyBuffer = new Float64Array(16);

/** Step 1's rule-based baseline: up to `maxAds` ads of the query's own category, highest bid first. */
export function baselinePolicy(maxAds = 2): Policy {
  return {
    name: 'baseline',
    score: (c) => {
      const s = new Float32Array(c.n);
      for (let i = 0; i < c.n; i++) s[i] = c.adCat[i] === c.queryCat[i] ? 1 : 0;
      return s;
    },
    rule: 'topk-by-value',
    threshold: 1e-9,
    maxAds,
  };
}

/**
 * The impressions policy: every candidate the relevance scorer calls "should show" (≥ threshold),
 * most relevant first, up to a generous maxAds. The default bar (0.1 on a model trained on
 * downsampled rows, which over-predicts) is low, as an impressions objective rewards: about five ads a query.
 */
export function impressionsPolicy(relevance: (c: Columns) => Float32Array, threshold = 0.1, maxAds = 8): Policy {
  return { name: 'impressions', score: relevance, rule: 'threshold', threshold, maxAds };
}

/** The CTR/revenue policy: rank by pCTR × bid (expected revenue of the top slot), show at most a few above a reserve (dollars per impression). */
export function ctrPolicy(pCtr: (c: Columns) => Float32Array, reserve = 0.05, maxAds = 3): Policy {
  return { name: 'ctr', score: pCtr, rule: 'topk-by-value', threshold: reserve, maxAds };
}

/**
 * The exploration policy: `maxAds` candidates chosen uniformly at random, in random slots. Its log
 * shows every kind of (query, ad, position) pair, so a click model can learn from it. The random
 * score of a candidate depends on (salt, day, row of the day's batch) only.
 */
export function explorationPolicy(maxAds = 2, salt = 'explore'): Policy {
  const key = seedKey(salt);
  return {
    name: 'exploration',
    score: (c) => {
      const s = new Float32Array(c.n);
      for (let i = 0; i < c.n; i++) s[i] = hashUniform(key, c.day[i] as number, Math.floor(i / CANDIDATES_PER_QUERY), i % CANDIDATES_PER_QUERY);
      return s;
    },
    rule: 'threshold',
    threshold: 0,
    maxAds,
  };
}
