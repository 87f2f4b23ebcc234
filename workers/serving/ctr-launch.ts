// The CTR policy's ad load, chosen by its own objective as the impressions policy's was (launch.ts):
// a launch test of candidate reserves on pCTR × bid (expected dollars per impression), each on its
// own share of the users beside the champion's share on the shadow requests, judged by the users'
// true click probabilities. The CTR objective keeps the reserve with the highest CTR whose revenue
// per request is at least the champion's: fewer, better ads, but not at any price. The gate then
// asks the business question (Hohnhold, O'Brien & Tang, KDD 2015, measure ad load by revenue over
// requests, not per impression): does the kept reserve earn more revenue per request than the
// champion on the same requests?
import { ctrPolicy, CANDIDATES_PER_QUERY, type DayStream } from '../../src/lib/market/index.ts';
import { CTR_MAX_ADS } from '../../src/lib/serving/constants.ts';
import type { LaunchArm } from '../../src/lib/serving/types.ts';
import type { World } from '../../src/lib/sim/world.ts';
import { launchArm } from './launch.ts';
import { Z } from '../../src/lib/story/noise.ts';
import { outcomeOf, type GateReport, type Outcome, type ServedPolicy } from './policies.ts';
import { scoreRows, type ServedModel } from './scorer.ts';

/** The candidate ad loads: ads on the median request (the impressions policy shows up to its cap, the baseline two). */
export const CANDIDATE_LOADS: readonly number[] = [2, 3, 4, 5, 6, 7];
/** How many candidate reserves the CTR launch test tries. */
export const RESERVE_COUNT = CANDIDATE_LOADS.length;

/**
 * The candidate reserves: for each candidate load k, the median over the shadow requests of each
 * request's k-th best pCTR × bid, so the reserve shows k ads on the median request (more on some,
 * fewer on others). Reserves come from the model's own values, as the impressions policy's bars do
 * (launch.ts), and each arm tries a different load: a fixed grid left several arms at the cap.
 */
export function reserveBars(pctr: Float32Array, bid: Float32Array, queries: number): number[] {
  const C = CANDIDATES_PER_QUERY;
  const values = new Float32Array(C);
  const kth = CANDIDATE_LOADS.map(() => new Float32Array(queries));
  for (let q = 0; q < queries; q++) {
    for (let j = 0; j < C; j++) values[j] = (pctr[q * C + j] as number) * (bid[q * C + j] as number);
    values.sort();
    CANDIDATE_LOADS.forEach((k, i) => ((kth[i] as Float32Array)[q] = values[C - Math.min(k, C)] as number));
  }
  return kth.map((v) => {
    v.sort();
    return queries > 0 ? (v[Math.floor(queries / 2)] as number) : 0;
  });
}

/** The rule in words, shown beside the arms. */
export const CTR_LAUNCH_RULE = `Each candidate reserve (the least pCTR × bid, the expected dollars an impression earns, an ad must reach; at most ${CTR_MAX_ADS} ads, the impressions policy’s cap) serves its own share of the users beside the champion’s share on the shadow requests; the CTR objective keeps the reserve with the highest CTR whose revenue per request is at least the champion’s.`;

/** Marks the kept arm (arms[0] is the champion's) and returns its index, or −1 when no reserve earns at least the champion's revenue per request. */
export function chooseReserve(arms: LaunchArm[]): number {
  const control = arms[0];
  if (!control) return -1;
  let best = -1;
  for (let i = 1; i < arms.length; i++) {
    const a = arms[i] as LaunchArm;
    if (a.revenuePerQuery < control.revenuePerQuery || a.impressions === 0) continue;
    if (best < 0 || (a.ctr ?? 0) > ((arms[best] as LaunchArm).ctr ?? 0)) best = i;
  }
  arms.forEach((a, i) => (a.chosen = i === best));
  return best;
}

/** A CTR launch test's result: the reserve the CTR policy serves at, the arms and their outcomes. */
export interface CtrLaunch {
  day: number;
  /** The kept reserve, or (none kept) the one with the most revenue per request. */
  reserve: number;
  kept: boolean;
  arms: LaunchArm[];
  outcomes: Outcome[];
}

/** The CTR policy of a click model at a reserve: rank by pCTR × bid, at most CTR_MAX_ADS at or above the reserve. */
export function atReserve(model: ServedModel, reserve: number) {
  return ctrPolicy((c) => scoreRows(model, c), reserve, CTR_MAX_ADS);
}

/** Runs the CTR launch test of a click model on the shadow requests, `armOf` giving each user's share (0: the champion's). */
export function ctrLaunchTest(world: World, s: DayStream, champion: ServedPolicy, model: ServedModel, blind: Float32Array, armOf: Uint8Array): CtrLaunch {
  const p = scoreRows(model, s.cands);
  const reserves = reserveBars(p, s.cands.bid, s.queries);
  const champScores = champion.policy.score(s.cands);
  const outcomes = [outcomeOf(world, s, champion.policy, champScores, blind, (u) => armOf[u] === 0), ...reserves.map((r, j) => outcomeOf(world, s, atReserve(model, r), p, blind, (u) => armOf[u] === j + 1))];
  const users = new Array<number>(outcomes.length).fill(0);
  for (const a of armOf) if (a < users.length) users[a] = (users[a] as number) + 1;
  const arms = outcomes.map((o, j) => {
    const a = launchArm(j === 0 ? null : (reserves[j - 1] as number), users[j] as number, { queries: o.queries, impressions: o.impressions, revenue: o.expectedRevenue });
    a.ctr = o.impressions > 0 ? o.expectedClicks / o.impressions : 0;
    return a;
  });
  const kept = chooseReserve(arms);
  const richest = arms.reduce((b, a, i) => (i > 0 && a.revenuePerQuery > (arms[b] as LaunchArm).revenuePerQuery ? i : b), 1);
  const at = kept > 0 ? kept : richest;
  return { day: s.day, reserve: reserves[at - 1] as number, kept: kept > 0, arms, outcomes };
}

/**
 * The noise of the gate: Z standard errors of the difference of two shares' revenue per request
 * (each share's by users, as a user's requests are not independent). The shares are different users
 * on a few hundred requests each, and the champion's own revenue per request differs between shares
 * by about this much.
 */
export function gateNoise(champion: Outcome, challenger: Outcome): number {
  const [a, b] = [champion.revenueSe ?? Number.NaN, challenger.revenueSe ?? Number.NaN];
  return Z * Math.sqrt(a * a + b * b);
}

/**
 * The CTR gate on the launch test's arms: the kept reserve's revenue per request against the
 * champion's share's, on the same shadow requests. It fails only on a loss beyond the noise: a
 * shortfall within it is what two shares of different users differ by with no policy changed.
 */
export function ctrLaunchGate(champion: string, challenger: string, t: CtrLaunch): GateReport {
  const at = t.arms.findIndex((a, i) => i > 0 && a.bar === t.reserve);
  const c = t.arms[0] as LaunchArm;
  const x = t.arms[at] as LaunchArm;
  const [oc, ox] = [t.outcomes[0] as Outcome, t.outcomes[at] as Outcome];
  const noise = gateNoise(oc, ox);
  return {
    objective: 'clicks',
    rule: `${CTR_LAUNCH_RULE} Promote unless that reserve’s expected revenue per request (the clicks its ads earn, at their bids, over every request, shown an ad or not) falls short of the champion’s by more than the noise (${Z} standard errors of the difference, each share’s counted by users: the shares are different users, a few hundred requests each). The simulator knows what each user would have clicked; in production this is an A/B test. One shadow day cannot show the long-term effect on users (ads blindness): the comparison fortnight does.`,
    metric: 'revenue_per_request',
    champion: { label: champion, value: c.revenuePerQuery, outcome: oc },
    challenger: { label: challenger, value: x.revenuePerQuery, outcome: ox },
    pass: x.revenuePerQuery >= c.revenuePerQuery - (Number.isFinite(noise) ? noise : 0),
    noise,
    day: t.day,
    arms: t.arms,
  };
}
