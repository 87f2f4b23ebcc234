// The serving policies built from served models, and the promotion gate: a challenger in shadow
// is promoted only if it beats the champion on the objective's metric over the same requests.
import { baselinePolicy, ctrPolicy, impressionsPolicy, CANDIDATES_PER_QUERY, selectAds, type DayStream, type Policy } from '../../src/lib/market/index.ts';
import type { GateData, LaunchArm, OutcomeData } from '../../src/lib/serving/types.ts';
import { BAR_COUNT, BAR_GRID, chooseArm } from './launch.ts';
import { clickProbability, type ClickContext } from '../../src/lib/sim/truth.ts';
import type { World } from '../../src/lib/sim/world.ts';
import { scoreRows, type ServedModel } from './scorer.ts';

/** The objective the team optimises (the URL's `objective`). */
export type Objective = 'impressions' | 'clicks';

import { CTR_MAX_ADS, IMPRESSIONS_MAX_ADS } from '../../src/lib/serving/constants.ts';
/** The ad caps of the two policies (src/lib/serving/constants.ts). */
export { CTR_MAX_ADS, IMPRESSIONS_MAX_ADS };
/** Reserve (pCTR × bid, expected dollars per impression) a click model stands at until its launch test has chosen one (see ctr-launch.ts). */
export const CTR_RESERVE = 0.05;

/** A policy served by the worker: the business rule plus the model (null for the rule-based baseline). */
export interface ServedPolicy {
  /** 'baseline' or the model's version. */
  label: string;
  objective: Objective | 'baseline';
  model: ServedModel | null;
  policy: Policy;
  /** Impressions policy: the bar its launch test kept; undefined until the launch test has run. */
  bar?: number;
  /** CTR policy: the reserve its launch test kept. */
  reserve?: number;
  /** Impressions policy whose launch test has not run yet (it runs on its first served day); CTR policy whose reserve is not chosen yet. */
  launch?: boolean;
}

/** Step 1's rule-based baseline. */
export function baselineServed(): ServedPolicy {
  return { label: 'baseline', objective: 'baseline', model: null, policy: baselinePolicy() };
}

/**
 * The impressions policy of a relevance model: show every candidate whose predicted probability
 * passes a bar, up to IMPRESSIONS_MAX_ADS, most relevant first. Without a bar its launch test is
 * pending (see launch.ts), and it stands at the middle of the grid until then.
 */
export function impressionsServed(model: ServedModel, bar?: number): ServedPolicy {
  const at = bar ?? (BAR_GRID[BAR_GRID.indexOf(0.001) + Math.floor(BAR_COUNT / 2)] as number);
  const p: ServedPolicy = { label: model.version, objective: 'impressions', model, policy: impressionsPolicy((c) => scoreRows(model, c), at, IMPRESSIONS_MAX_ADS) };
  if (bar === undefined) p.launch = true;
  else p.bar = bar;
  return p;
}

/** The impressions policy of a model at one bar, sharing the model's scores (the launch test's arms). */
export function atBar(model: ServedModel, bar: number): Policy {
  return impressionsPolicy((c) => scoreRows(model, c), bar, IMPRESSIONS_MAX_ADS);
}

/** The CTR policy of a click model: rank by pCTR × bid, at most CTR_MAX_ADS at or above the reserve its launch test kept (CTR_RESERVE while that test is pending). */
export function ctrServed(model: ServedModel, reserve?: number): ServedPolicy {
  const p: ServedPolicy = { label: model.version, objective: 'clicks', model, policy: ctrPolicy((c) => scoreRows(model, c), reserve ?? CTR_RESERVE, CTR_MAX_ADS) };
  if (reserve === undefined) p.launch = true;
  else p.reserve = reserve;
  return p;
}

/** What a policy's decisions on a day's requests would give, not served (no blindness changes); declared where it crosses to the page. */
export type Outcome = OutcomeData;

/** Decisions of `policy` on `stream` with `scores`, judged by the users' true click probabilities at `blindness` (only users `include` accepts, if given). */
export function outcomeOf(world: World, stream: DayStream, policy: Policy, scores: Float32Array, blindness: Float32Array, include?: (user: number) => boolean): Outcome {
  const { cands, queries } = stream;
  const C = CANDIDATES_PER_QUERY;
  const shown = new Uint32Array(Math.max(1, Math.min(C, policy.maxAds)));
  const ctx: ClickContext = { score: 0, quality: 0, intent: 0, position: 0, device: 0, hour: 0, propensity: 1, blindness: 0 };
  const o: Outcome = { queries: 0, impressions: 0, expectedClicks: 0, expectedRevenue: 0 };
  const userRevenue = new Float64Array(world.userPropensity.length);
  const userRequests = new Uint32Array(world.userPropensity.length);
  for (let q = 0; q < queries; q++) {
    const first = q * C;
    const user = cands.user[first] as number;
    if (include && !include(user)) continue;
    o.queries++;
    const k = selectAds(policy, cands, scores, first, C, shown);
    ctx.intent = cands.intent[first] as number;
    ctx.device = cands.device[first] as number;
    ctx.hour = cands.hour[first] as number;
    ctx.propensity = world.userPropensity[user] as number;
    ctx.blindness = blindness[user] as number;
    let rev = 0;
    for (let pos = 0; pos < k; pos++) {
      const r = shown[pos] as number;
      ctx.score = cands.trueScore[r] as number;
      ctx.quality = cands.quality[r] as number;
      ctx.position = pos;
      const p = clickProbability(world, ctx);
      o.expectedClicks += p;
      o.expectedRevenue += p * (cands.bid[r] as number);
      rev += p * (cands.bid[r] as number);
    }
    userRevenue[user] = (userRevenue[user] as number) + rev;
    userRequests[user] = (userRequests[user] as number) + 1;
    o.impressions += k;
  }
  o.revenueSe = ratioSe(userRevenue, userRequests, o.expectedRevenue, o.queries);
  return o;
}

/**
 * Standard error of Σr/Σn over users (the delta method for a ratio estimator; Cochran 1977, §6.3):
 * √(Σ(rᵢ − R·nᵢ)² / (m(m−1))) / n̄ over the m users with requests, n̄ their mean requests.
 */
export function ratioSe(revenue: Float64Array, requests: Uint32Array, total: number, queries: number): number {
  if (queries === 0) return Number.NaN;
  const R = total / queries;
  let m = 0;
  let ss = 0;
  for (let u = 0; u < requests.length; u++) {
    const n = requests[u] as number;
    if (n === 0) continue;
    m++;
    const e = (revenue[u] as number) - R * n;
    ss += e * e;
  }
  if (m < 2) return Number.NaN;
  const nbar = queries / m;
  return Math.sqrt(ss / (m * (m - 1))) / nbar;
}

/** The gate's verdict on a challenger after a shadow run; declared where it crosses to the page. */
export type GateReport = GateData;

/** The objective's gate metric of an outcome. */
function gateValue(objective: Objective, o: Outcome): number {
  if (objective === 'impressions') return o.queries > 0 ? o.impressions / o.queries : Number.NaN;
  return o.queries > 0 ? o.expectedRevenue / o.queries : Number.NaN;
}

/**
 * The impressions gate on a launch test's arms (arms[0] the champion's share): promote only if a
 * candidate bar shows more ads per query than the champion while earning at least its revenue per
 * query; the challenger's value is the kept bar's ads per query (or the busiest bar's when none is kept).
 */
export function launchGate(day: number, champion: string, challenger: string, arms: LaunchArm[], outcomes: Outcome[]): GateReport {
  const kept = chooseArm(arms);
  const busiest = arms.reduce((b, a, i) => (i > 0 && a.impressionsPerQuery > (arms[b] as LaunchArm).impressionsPerQuery ? i : b), Math.min(1, arms.length - 1));
  const shown = kept >= 0 ? kept : busiest;
  const c = arms[0] as LaunchArm;
  const x = arms[shown] as LaunchArm;
  return {
    objective: 'impressions',
    rule: `Promote only if one of the candidate bars shows more ads per query than the champion and earns at least its revenue per query on the same shadow requests, each bar on its own share of the users (the objective is impressions, but not at any price).`,
    metric: 'impressions_per_query',
    champion: { label: champion, value: c.impressionsPerQuery, outcome: outcomes[0] as Outcome },
    challenger: { label: challenger, value: x.impressionsPerQuery, outcome: outcomes[shown] as Outcome },
    pass: kept >= 0,
    day,
    arms,
  };
}

/** Judges a challenger against the champion on the same requests under the current objective. */
export function gate(objective: Objective, day: number, champion: { label: string; outcome: Outcome }, challenger: { label: string; outcome: Outcome }): GateReport {
  const c = gateValue(objective, champion.outcome);
  const x = gateValue(objective, challenger.outcome);
  const rule =
    objective === 'impressions'
      ? 'Promote only if the challenger shows more ads per query than the champion on the same shadow requests (the objective is impressions).'
      : 'Promote only if the challenger’s expected revenue per request (the clicks its ads earn, at their bids, over every request) beats the champion’s on the same shadow requests. The simulator knows what each user would have clicked; in production this is an A/B test. One shadow day cannot show the long-term effect on users (ads blindness): the comparison fortnight does.';
  return {
    objective,
    rule,
    metric: objective === 'impressions' ? 'impressions_per_query' : 'revenue_per_request',
    champion: { ...champion, value: c },
    challenger: { ...challenger, value: x },
    pass: Number.isFinite(x) && (!Number.isFinite(c) || x > c),
    day,
  };
}
