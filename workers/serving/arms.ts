// The switch to CTR, taken apart (step 12): besides the impressions policy and the CTR policy, the
// comparison serves arms that change one thing at a time, so the win can be attributed:
// - click_label: the click model ranks the candidates (by pCTR) at the impressions policy's ad cap,
//   with no bar: the label changes, the load does not;
// - ctr_no_bid: the CTR policy's eligible ads and load (pCTR × bid above its reserve, at most its
//   cap) ranked by pCTR alone: the bid's share of the ranking;
// - fresh_impressions: a relevance ("should show") model trained on the days the click model fitted
//   on, ranking at the impressions policy's ad cap with no bar: the impressions label on fresh days,
//   so set beside click_label (the click label on the same days, the same cap) it separates the
//   label from freshness.
import type { Columns } from '../../src/lib/sim/types.ts';
import { trainRelevanceModel, type Policy } from '../../src/lib/business/index.ts';
import { CTR_MAX_ADS, CTR_RESERVE, IMPRESSIONS_MAX_ADS, type ServedPolicy } from './policies.ts';
import { fromScoringModel, scoreRows, type ServedModel } from './scorer.ts';
import type { ServingSession } from './session.ts';

/** Rows the fresh relevance model is trained on (the business library's learner, in the serving worker). */
export const FRESH_ROWS = 1_000_000;

/** The arms' roles, as the contract names them. */
export type ArmRole = 'click_label' | 'ctr_policy' | 'ctr_no_bid' | 'fresh_impressions';

/** An arm of the comparison: its role, its policy, and the model whose scores it ranks by (shared with arms of the same model). */
export interface Arm {
  role: ArmRole;
  label: string;
  policy: Policy;
  model: ServedModel;
  /** The policy's scores from the model's (default: the model's own), so arms of one model score once a day. */
  fromModel?: (p: Float32Array, c: Columns) => Float32Array;
}

/** An arm's scores on a day's candidates, from a cache of each model's scores. */
export function armScores(arm: Arm, c: Columns, cache: Map<string, Float32Array>): Float32Array {
  let p = cache.get(arm.model.version);
  if (!p) cache.set(arm.model.version, (p = scoreRows(arm.model, c)));
  return arm.fromModel ? arm.fromModel(p, c) : p;
}

/** The click model ranking by pCTR at the impressions policy's ad cap, no bar. */
export function clickLabelArm(click: ServedModel): Arm {
  return { role: 'click_label', label: `${click.version} by pCTR, ${IMPRESSIONS_MAX_ADS} ads`, model: click, policy: { name: 'click-label', score: (c) => scoreRows(click, c), rule: 'threshold', threshold: Number.NEGATIVE_INFINITY, maxAds: IMPRESSIONS_MAX_ADS } };
}

/** The CTR policy's eligible set and cap, ranked by pCTR alone (an ad whose pCTR × bid misses the reserve scores −1 and is not shown). */
export function ctrNoBidArm(click: ServedModel): Arm {
  const fromModel = (p: Float32Array, c: Columns) => {
    const out = new Float32Array(c.n);
    for (let i = 0; i < c.n; i++) out[i] = (p[i] as number) * (c.bid[i] as number) >= CTR_RESERVE ? (p[i] as number) : -1;
    return out;
  };
  const score = (c: Columns) => fromModel(scoreRows(click, c), c);
  return { role: 'ctr_no_bid', label: `${click.version} by pCTR alone`, model: click, fromModel, policy: { name: 'ctr-no-bid', score, rule: 'threshold', threshold: 0, maxAds: CTR_MAX_ADS } };
}

/** A relevance model trained on the same days as the click model, ranking at the impressions policy's cap with no bar. */
export function freshImpressionsArm(session: ServingSession, click: ServedModel): Arm {
  const days: [number, number] = [click.days[0], click.days[1]];
  const rel = trainRelevanceModel(session.world, { days, rows: FRESH_ROWS, stream: `fresh/${session.plan.seed}` });
  const fresh = fromScoringModel(rel, `${click.version}-fresh`, session.config.world, days);
  return { role: 'fresh_impressions', label: `${fresh.version}, should-show label on days ${days[0]}–${days[1]}`, model: fresh, policy: { name: 'fresh-impressions', score: (c) => scoreRows(fresh, c), rule: 'threshold', threshold: Number.NEGATIVE_INFINITY, maxAds: IMPRESSIONS_MAX_ADS } };
}

/** The attribution's arms beside the CTR policy: the click label alone, the CTR policy without bids, fresh impressions. */
export function attributionArms(session: ServingSession, click: ServedModel): Arm[] {
  return [clickLabelArm(click), ctrNoBidArm(click), freshImpressionsArm(session, click)];
}

/** The CTR policy as an arm. */
export function ctrArm(ctr: ServedPolicy): Arm {
  return { role: 'ctr_policy', label: ctr.label, model: ctr.model as ServedModel, policy: ctr.policy };
}
