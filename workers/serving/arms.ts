// The switch to CTR, taken apart (step 12): besides the impressions policy and the CTR policy, the
// comparison serves arms that change one thing at a time, so the win can be attributed:
// - click_label: the click model ranks the candidates (by pCTR), showing on each request as many ads
//   as the impressions policy shows there: the label changes, the load does not;
// - ctr_no_bid: the CTR policy's eligible ads and load (pCTR × bid at or above the reserve its launch
//   test kept, at most its cap) ranked by pCTR alone: the bid's share of the ranking;
// - fresh_impressions: a relevance ("should show") model trained on the days the click model fitted
//   on, by this worker's learner (logistic regression on FRESH_ROWS rows), showing on each request as
//   many ads as the impressions policy: set beside click_label (the click label on the same days, the
//   same ads a request) it separates the label. Against the impressions policy it changes the days
//   and the learner and rows, so it is also served beside its twin (the same learner and rows on the
//   impressions model's own days): the arm minus its twin is freshness alone.
import type { Columns } from '../../src/lib/sim/types.ts';
import { LUT_SIZE, type World } from '../../src/lib/sim/world.ts';
import { trainRelevanceModel, type Policy } from '../../src/lib/market/index.ts';
import { CANDIDATES_PER_QUERY } from '../../src/lib/market/index.ts';
import { CTR_RESERVE, type ServedPolicy } from './policies.ts';
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
  /** The policy's scores from the model's (default: the model's own), so arms of one model score once a day; `scoresOf` gives another model's scores from the same cache. */
  fromModel?: (p: Float32Array, c: Columns, scoresOf: (m: ServedModel) => Float32Array) => Float32Array;
  /** fresh_impressions: its twin, the same learner and row count on the impressions model's own days; the arm minus its twin is freshness alone. */
  twin?: Arm;
  /** fresh_impressions: whether the world's day tables (query mix, devices, drifted topics) are the same on every day of both models' ranges, and whether the two fitted models are the same. */
  alike?: { world: boolean; model: boolean };
}

/**
 * Whether every day of `a` and `b` has the same day tables as the first day of `a`: then rows drawn
 * from one named stream on either range are the same rows (only their day differs), and a model
 * fitted on them the same model. True on a stationary world (drift 0).
 */
export function sameDays(world: World, a: readonly [number, number], b: readonly [number, number]): boolean {
  const K = world.moveShare.length / world.catLut.length * LUT_SIZE;
  const ref = a[0];
  const same = (t: ArrayLike<number> & { subarray(s: number, e: number): ArrayLike<number> }, n: number, d: number) => {
    for (let i = 0; i < n; i++) if (t[ref * n + i] !== t[d * n + i]) return false;
    return true;
  };
  for (const [d0, d1] of [a, b]) {
    for (let d = d0; d <= d1; d++) if (!same(world.catLut, LUT_SIZE, d) || !same(world.deviceLut, LUT_SIZE, d) || !same(world.moveShare, K, d)) return false;
  }
  return true;
}

/** Whether two fitted models have the same weights and bias. */
function sameFit(x: ServedModel, y: ServedModel): boolean {
  if (x.layers.length !== y.layers.length) return false;
  return x.layers.every((l, j) => {
    const m = y.layers[j] as (typeof y.layers)[number];
    return l.W.length === m.W.length && l.b.length === m.b.length && l.W.every((v, i) => v === m.W[i]) && l.b.every((v, i) => v === m.b[i]);
  });
}

/** An arm's scores on a day's candidates, from a cache of each model's scores. */
export function armScores(arm: Arm, c: Columns, cache: Map<string, Float32Array>): Float32Array {
  const scoresOf = (m: ServedModel) => {
    let p = cache.get(m.version);
    if (!p) cache.set(m.version, (p = scoreRows(m, c)));
    return p;
  };
  const p = scoresOf(arm.model);
  return arm.fromModel ? arm.fromModel(p, c, scoresOf) : p;
}

/**
 * Scores that show, on each request, the `own` model's best candidates, as many as the impressions
 * policy shows there (its model's scores at or above its bar, at most its cap): kept candidates
 * score their own score, the rest −1 (below the threshold 0 of the arm's policy).
 */
export function atImpressionsLoad(own: Float32Array, impressions: Float32Array, bar: number, cap: number): Float32Array {
  const C = CANDIDATES_PER_QUERY;
  const out = new Float32Array(own.length).fill(-1);
  const order = new Int32Array(C);
  for (let first = 0; first + C <= own.length; first += C) {
    let k = 0;
    for (let i = first; i < first + C; i++) if ((impressions[i] as number) >= bar) k++;
    k = Math.min(k, cap);
    if (k === 0) continue;
    // The request's candidates by their own score, highest first, ties in candidate order (a stable insertion sort).
    for (let j = 0; j < C; j++) {
      const i = first + j;
      const v = own[i] as number;
      let p = j;
      while (p > 0 && (own[order[p - 1] as number] as number) < v) {
        order[p] = order[p - 1] as number;
        p--;
      }
      order[p] = i;
    }
    for (let j = 0; j < k; j++) out[order[j] as number] = Math.max(0, own[order[j] as number] as number);
  }
  return out;
}

/** An arm of `model` ranking at the impressions policy's own ad count on each request. */
function atLoadOf(role: ArmRole, label: string, model: ServedModel, impressions: ServedPolicy): Arm {
  const imp = impressions.model as ServedModel;
  const bar = impressions.policy.threshold;
  const cap = impressions.policy.maxAds;
  const fromModel = (p: Float32Array, _c: Columns, scoresOf: (m: ServedModel) => Float32Array) => atImpressionsLoad(p, scoresOf(imp), bar, cap);
  const score = (c: Columns) => atImpressionsLoad(scoreRows(model, c), scoreRows(imp, c), bar, cap);
  return { role, label, model, fromModel, policy: { name: role, score, rule: 'threshold', threshold: 0, maxAds: cap } };
}

/** The click model ranking by pCTR, as many ads on each request as the impressions policy shows there. */
export function clickLabelArm(click: ServedModel, impressions: ServedPolicy): Arm {
  return atLoadOf('click_label', `${click.version} by pCTR, the impressions policy’s ads a request`, click, impressions);
}

/** The CTR policy's eligible set and cap, ranked by pCTR alone (an ad whose pCTR × bid misses the reserve scores −1 and is not shown). */
export function ctrNoBidArm(ctr: ServedPolicy): Arm {
  const click = ctr.model as ServedModel;
  const reserve = ctr.reserve ?? CTR_RESERVE;
  const fromModel = (p: Float32Array, c: Columns) => {
    const out = new Float32Array(c.n);
    for (let i = 0; i < c.n; i++) out[i] = (p[i] as number) * (c.bid[i] as number) >= reserve ? (p[i] as number) : -1;
    return out;
  };
  const score = (c: Columns) => fromModel(scoreRows(click, c), c);
  return { role: 'ctr_no_bid', label: `${click.version} by pCTR alone`, model: click, fromModel, policy: { name: 'ctr-no-bid', score, rule: 'threshold', threshold: 0, maxAds: ctr.policy.maxAds } };
}

/** A should-show model by this worker's learner on FRESH_ROWS rows of `days`, at the impressions policy's ads a request. */
function relevanceArm(session: ServingSession, version: string, days: [number, number], impressions: ServedPolicy): Arm {
  const rel = trainRelevanceModel(session.world, { days, rows: FRESH_ROWS, stream: `fresh/${session.plan.seed}` });
  const m = fromScoringModel(rel, version, session.config.world, days);
  return atLoadOf('fresh_impressions', `${m.version}, should-show label on days ${days[0]}–${days[1]}`, m, impressions);
}

/**
 * A relevance model trained on the same days as the click model, as many ads on each request as the
 * impressions policy shows there; its twin is the same learner and row count on the impressions
 * model's own days, so the arm minus its twin is freshness alone (only the days differ).
 */
export function freshImpressionsArm(session: ServingSession, click: ServedModel, impressions: ServedPolicy): Arm {
  const arm = relevanceArm(session, `${click.version}-fresh`, [click.days[0], click.days[1]], impressions);
  const own = (impressions.model as ServedModel).days;
  arm.twin = relevanceArm(session, `${click.version}-twin`, [own[0], own[1]], impressions);
  arm.alike = { world: sameDays(session.world, [click.days[0], click.days[1]], [own[0], own[1]]), model: sameFit(arm.model, arm.twin.model) };
  return arm;
}

/** The attribution's arms beside the CTR policy: the click label alone, the CTR policy without bids, fresh impressions (each against the impressions policy). */
export function attributionArms(session: ServingSession, ctr: ServedPolicy, impressions: ServedPolicy): Arm[] {
  const click = ctr.model as ServedModel;
  if (!impressions.model) return [ctrNoBidArm(ctr)];
  return [clickLabelArm(click, impressions), ctrNoBidArm(ctr), freshImpressionsArm(session, click, impressions)];
}

/** The CTR policy as an arm. */
export function ctrArm(ctr: ServedPolicy): Arm {
  return { role: 'ctr_policy', label: ctr.label, model: ctr.model as ServedModel, policy: ctr.policy };
}
