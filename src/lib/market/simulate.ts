// The serving simulation: day by day, a policy picks ads for each query of the day's stream, users
// click according to the ground-truth click model (position, device, hour, propensity, and their
// ads-blindness), their blindness advances with what they were shown and recovers every night
// (Hohnhold, O'Brien & Tang, KDD 2015). Click uniforms are common random numbers (see hash.ts).
import { advanceBlindness, recoverAll } from '../sim/blindness.ts';
import { businessMetrics, emptyTotals, type BusinessTotals } from '../sim/totals.ts';
import { clickProbability, type ClickContext } from '../sim/truth.ts';
import { WORLD_DAYS } from '../sim/types.ts';
import type { World } from '../sim/world.ts';
import { policyDay } from './day.ts';
import { hashUniform, seedKey } from './hash.ts';
import { LogBuilder } from './log.ts';
import { baselinePolicy, selectAds } from './policies.ts';
import { CANDIDATES_PER_QUERY, cohortSize, dayStream, indexAds, QUERIES_PER_USER_PER_DAY, type AdIndex, type DayStream } from './stream.ts';
import type { Policy, PolicyDay, SimOptions, SimResult } from './types.ts';

/**
 * A sensible default run for the app: two weeks of 3,000 queries a day (a cohort of 3,000 users)
 * from day 0, the users arriving after six weeks of the baseline (their blindness near its steady
 * state, so the baseline's days are flat rather than sliding from a fresh start).
 */
export const DEFAULT_SIM_OPTIONS: SimOptions = {
  startDay: 0,
  days: 14,
  queriesPerDay: 3000,
  seed: 'serving',
  warmup: { policy: baselinePolicy(), days: 42 },
};

/** The mutable state of one policy's run: its users' blindness, its totals, its log. */
export interface ServingState {
  /** Blindness of each followed user (index = user id). */
  blindness: Float32Array;
  totals: BusinessTotals;
  log: LogBuilder | null;
  /** Key of the click uniforms (from the world's seed and the stream seed). */
  clickKey: number;
  /** Optional: revenue each followed user brought in so far (index = user id), for paired comparisons over users. */
  userRevenue?: Float64Array;
  /** Optional: a logged exploration share of the requests, each slot filled at random with its propensity recorded. */
  exploration?: ExplorationLog;
  /** Optional: log only every `logStride`-th request of a day (a sample of a busy day's traffic; default every request). */
  logStride?: number;
}

/**
 * Exploration per slot: on a share of the requests, each shown slot j is filled by a candidate
 * drawn uniformly from the ones not yet shown, at least `slots` slots; one entry per explored slot.
 * The order is a uniformly random permutation, so the marginal probability that slot j shows a
 * given candidate is 1 / candidates for every j: the propensity a per-slot match needs (the
 * conditional 1 / (candidates − j) would weight slot j by (candidates − j) / candidates on average).
 */
export interface ExplorationLog {
  /** Share of the requests explored (chosen by a hash of day and request). */
  share: number;
  /** Fewest slots an explored request fills (so the log covers the slots a new policy would fill). */
  slots: number;
  key: number;
  day: number[];
  query: number[];
  slot: number[];
  /** Row of the shown candidate in its day's batch. */
  row: number[];
  propensity: number[];
  /** Revenue the slot earned: the CPC if clicked, else 0. */
  reward: number[];
  /** Explored requests and their revenue (the cost of exploring is measured against the others). */
  requests: number;
  revenue: number;
}

/** An empty exploration log. */
export function explorationLog(share: number, slots: number, salt: string): ExplorationLog {
  return { share, slots, key: seedKey(`explore/${salt}`), day: [], query: [], slot: [], row: [], propensity: [], reward: [], requests: 0, revenue: 0 };
}

/** True iff request q of a day is in the exploration share. */
export function isExplored(x: ExplorationLog, day: number, q: number): boolean {
  return hashUniform(x.key, day, q, 1 << 20) < x.share;
}

/** Normalised options: the day range, the cohort size. */
export interface SimPlan {
  startDay: number;
  days: number;
  queriesPerDay: number;
  users: number;
  seed: string;
  index: AdIndex;
}

/** Clamps the options to the world's days (development and later) and sizes the user cohort. */
export function planSimulation(world: World, opts: SimOptions): SimPlan {
  const startDay = Math.max(0, Math.min(WORLD_DAYS - 1, Math.floor(opts.startDay)));
  const days = Math.max(0, Math.min(WORLD_DAYS - startDay, Math.floor(opts.days)));
  const queriesPerDay = Math.max(0, Math.floor(opts.queriesPerDay));
  const users = cohortSize(queriesPerDay, opts.queriesPerUser ?? QUERIES_PER_USER_PER_DAY);
  return { startDay, days, queriesPerDay, users, seed: opts.seed, index: indexAds(world) };
}

/** A fresh state for one policy's run. */
export function startServing(world: World, plan: SimPlan, opts: SimOptions): ServingState {
  const blindness = new Float32Array(plan.users);
  if (opts.initialBlindness) blindness.set(opts.initialBlindness.subarray(0, plan.users));
  const log = opts.log === false ? null : new LogBuilder(Math.max(1024, plan.queriesPerDay * plan.days * 2));
  return { blindness, totals: emptyTotals(), log, clickKey: seedKey(`${world.params.seed}/clicks/${plan.seed}`) };
}

/** Several policies served on one day, each to its own share of the users (a launch test's arms). */
export interface DayArms {
  /** Arm of each followed user (index = user id). */
  armOf: Uint8Array;
  policies: Policy[];
  /** Each arm's scores for the whole stream. */
  scores: Float32Array[];
  /** Filled in: each arm's totals over its users' queries. */
  totals: BusinessTotals[];
}

/** Serves one day's stream with a policy (scores from policy.score on the stream's candidates), or with arms by user; returns the day's metrics. */
export function serveDay(world: World, stream: DayStream, policy: Policy, scores: Float32Array, state: ServingState, arms?: DayArms): PolicyDay {
  const { cands, queries, day } = stream;
  if (scores.length !== cands.n) throw new Error(`policy ${policy.name}: ${scores.length} scores for ${cands.n} candidates`);
  const C = CANDIDATES_PER_QUERY;
  const most = arms ? Math.max(...arms.policies.map((p) => p.maxAds)) : policy.maxAds;
  const shown = new Uint32Array(Math.max(1, Math.min(C, most)));
  const margins = new Float64Array(shown.length);
  const blind = state.blindness;
  const perUser = state.userRevenue;
  const reference = world.blindnessReference;
  const ctx: ClickContext = { score: 0, quality: 0, intent: 0, position: 0, device: 0, hour: 0, propensity: 1, blindness: 0 };
  const t: BusinessTotals = { queries, impressions: 0, clicks: 0, revenue: 0 };
  const stride = Math.max(1, Math.floor(state.logStride ?? 1));
  if (arms) arms.totals = arms.policies.map(() => ({ queries: 0, impressions: 0, clicks: 0, revenue: 0 }));
  for (let q = 0; q < queries; q++) {
    const first = q * C;
    const user = cands.user[first] as number;
    const arm = arms ? (arms.armOf[user] as number) : -1;
    const at = arms ? (arms.totals[arm] as BusinessTotals) : null;
    if (at) at.queries++;
    let k = arms ? selectAds(arms.policies[arm] as Policy, cands, arms.scores[arm] as Float32Array, first, C, shown) : selectAds(policy, cands, scores, first, C, shown);
    const x = state.exploration && isExplored(state.exploration, day, q) ? state.exploration : null;
    if (x) k = explore(x, day, q, first, Math.min(shown.length, Math.max(k, x.slots)), shown);
    if (k === 0) continue;
    const b = blind[user] as number;
    ctx.intent = cands.intent[first] as number;
    ctx.device = cands.device[first] as number;
    ctx.hour = cands.hour[first] as number;
    ctx.propensity = world.userPropensity[user] as number;
    ctx.blindness = b;
    const log = q % stride === 0 ? state.log : null;
    let clicks = 0;
    for (let pos = 0; pos < k; pos++) {
      const r = shown[pos] as number;
      const score = cands.trueScore[r] as number;
      ctx.score = score;
      ctx.quality = cands.quality[r] as number;
      ctx.position = pos;
      const p = clickProbability(world, ctx);
      const clicked = hashUniform(state.clickKey, day, q, cands.adId[r] as number) < p;
      if (clicked) {
        clicks++;
        t.clicks++;
        t.revenue += cands.bid[r] as number;
        if (perUser) perUser[user] = (perUser[user] as number) + (cands.bid[r] as number);
        if (at) {
          at.clicks++;
          at.revenue += cands.bid[r] as number;
        }
      }
      if (x) {
        x.reward.push(clicked ? (cands.bid[r] as number) : 0);
        x.revenue += clicked ? (cands.bid[r] as number) : 0;
      }
      margins[pos] = score - reference;
      log?.push(cands, r, pos, q, clicked, p);
    }
    t.impressions += k;
    if (at) at.impressions += k;
    blind[user] = advanceBlindness(b, margins, k, clicks);
  }
  let sumBlind = 0;
  for (let u = 0; u < blind.length; u++) sumBlind += blind[u] as number;
  recoverAll(blind);
  const tot = state.totals;
  tot.queries += t.queries;
  tot.impressions += t.impressions;
  tot.clicks += t.clicks;
  tot.revenue += t.revenue;
  return policyDay(day, t, blind.length > 0 ? sumBlind / blind.length : 0);
}

/** Fills k slots of request q at random (slot j uniform over the C − j candidates not yet shown), logging each with its marginal propensity 1 / C. */
function explore(x: ExplorationLog, day: number, q: number, first: number, k: number, shown: Uint32Array): number {
  const C = CANDIDATES_PER_QUERY;
  x.requests++;
  for (let j = 0; j < k; j++) {
    let pick = Math.floor(hashUniform(x.key, day, q, j) * (C - j));
    let r = first;
    // The pick-th candidate not shown yet, in candidate order.
    for (; r < first + C; r++) {
      let taken = false;
      for (let i = 0; i < j; i++) if (shown[i] === r) taken = true;
      if (taken) continue;
      if (pick-- === 0) break;
    }
    shown[j] = r;
    x.day.push(day);
    x.query.push(q);
    x.slot.push(j);
    x.row.push(r);
    x.propensity.push(1 / C);
  }
  return k;
}

/** The finished result of a run. */
function finish(policy: Policy, days: PolicyDay[], state: ServingState): SimResult {
  return { policy: policy.name, days, log: state.log?.finish() ?? null, totals: businessMetrics(state.totals), blindness: state.blindness };
}

/** Runs one policy over `days` days from `startDay`: per-day metrics, the impression log and the totals. */
export function simulatePolicy(world: World, policy: Policy, opts: SimOptions): SimResult {
  return comparePolicies(world, [policy], opts)[0] as SimResult;
}

/**
 * Runs several policies over the same days: each day's stream (queries, candidates, score noise)
 * is drawn once and served by every policy, each with its own users' blindness. Same result as
 * calling simulatePolicy for each, in less time.
 */
export function comparePolicies(world: World, policies: readonly Policy[], opts: SimOptions): SimResult[] {
  const plan = planSimulation(world, opts);
  const initialBlindness = warmUp(world, plan, opts);
  const states = policies.map(() => startServing(world, plan, { ...opts, initialBlindness }));
  const days: PolicyDay[][] = policies.map(() => []);
  for (let d = plan.startDay; d < plan.startDay + plan.days; d++) {
    const stream = dayStream(world, plan.index, plan.seed, d, plan.queriesPerDay, plan.users);
    policies.forEach((policy, i) => {
      (days[i] as PolicyDay[]).push(serveDay(world, stream, policy, policy.score(stream.cands), states[i] as ServingState));
    });
  }
  return policies.map((p, i) => finish(p, days[i] as PolicyDay[], states[i] as ServingState));
}

/** The cohort's blindness after opts.warmup (or opts.initialBlindness when there is no warm-up). */
export function warmUp(world: World, plan: SimPlan, opts: SimOptions): Float32Array | undefined {
  const w = opts.warmup;
  if (w === undefined || w.days <= 0) return opts.initialBlindness;
  const state = startServing(world, plan, { ...opts, log: false });
  for (let k = 0; k < Math.floor(w.days); k++) {
    const day = Math.max(0, plan.startDay - Math.floor(w.days) + k);
    const stream = dayStream(world, plan.index, `${plan.seed}/warmup-${k}`, day, plan.queriesPerDay, plan.users);
    serveDay(world, stream, w.policy, w.policy.score(stream.cands), state);
  }
  return state.blindness;
}

/** Like simulatePolicy, for a scorer that answers asynchronously (a model in another worker). */
export async function simulatePolicyAsync(
  world: World,
  policy: Omit<Policy, 'score'> & { score: (c: DayStream['cands']) => Float32Array | Promise<Float32Array> },
  opts: SimOptions,
): Promise<SimResult> {
  const plan = planSimulation(world, opts);
  const state = startServing(world, plan, { ...opts, initialBlindness: warmUp(world, plan, opts) });
  const days: PolicyDay[] = [];
  const syncPolicy: Policy = { ...policy, score: () => new Float32Array(0) };
  for (let d = plan.startDay; d < plan.startDay + plan.days; d++) {
    const stream = dayStream(world, plan.index, plan.seed, d, plan.queriesPerDay, plan.users);
    days.push(serveDay(world, stream, syncPolicy, await policy.score(stream.cands), state));
  }
  return finish(syncPolicy, days, state);
}
