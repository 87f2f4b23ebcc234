// The switch to CTR, taken apart (step 12): besides the impressions policy and the CTR policy, the
// comparison serves arms that change one thing at a time, so the win can be attributed:
// - click_label: the click model ranks the candidates (by pCTR) at the impressions policy's ad cap,
//   with no bar: the label changes, the load does not;
// - ctr_no_bid: the CTR policy's eligible ads and load (pCTR × bid above its reserve, at most its
//   cap) ranked by pCTR alone: the bid's share of the ranking;
// - fresh_impressions: the impressions policy at its own bar with its model retrained on the days
//   the click model fitted on: what freshness alone is worth.
import type { Columns } from '../../src/lib/sim/types.ts';
import type { Policy } from '../../src/lib/business/index.ts';
import { CTR_MAX_ADS, CTR_RESERVE, IMPRESSIONS_MAX_ADS, atBar, type ServedPolicy } from './policies.ts';
import { scoreRows, type ServedModel } from './scorer.ts';

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

/** The impressions policy's bar and cap with a model trained on recent days. */
export function freshImpressionsArm(fresh: ServedModel, bar: number): Arm {
  return { role: 'fresh_impressions', label: `${fresh.version} at bar ${bar}`, model: fresh, policy: atBar(fresh, bar) };
}

/** The CTR policy as an arm. */
export function ctrArm(ctr: ServedPolicy): Arm {
  return { role: 'ctr_policy', label: ctr.label, model: ctr.model as ServedModel, policy: ctr.policy };
}
