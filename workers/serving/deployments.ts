// The deployment side of a serving session, as pure functions: the role a served policy plays, the
// gate a challenger meets in shadow, and the impressions policy's launch test on its first day.
import { serveDay, type DayStream, type PolicyDay, type ServingState } from '../../src/lib/market/index.ts';
import type { World } from '../../src/lib/sim/world.ts';
import type { GateData, LaunchTest, ServedRole } from '../../src/lib/serving/types.ts';
import { LAUNCH_RULE, chooseArm, launchArm } from './launch.ts';
import { atBar, gate, launchGate, outcomeOf, type Objective, type ServedPolicy } from './policies.ts';
import type { ServedModel } from './scorer.ts';

/** The role a served policy plays. */
export function roleOf(p: ServedPolicy): ServedRole {
  return p.objective === 'baseline' ? 'baseline' : p.objective === 'impressions' ? 'impressions_policy' : 'ctr_policy';
}

/** Users in each arm. */
function armSizes(armOf: Uint8Array, arms: number): number[] {
  const n = new Array<number>(arms).fill(0);
  for (const a of armOf) n[a] = (n[a] as number) + 1;
  return n;
}

/** A launch test's arms: each followed user's arm and the candidate bars (arm 0 is the champion's share). */
export interface LaunchPlan {
  armOf: Uint8Array;
  bars: number[];
}

/**
 * The challenger in shadow on the shadow requests beside the champion, judged at the gate: for an
 * impressions challenger whose launch test is pending, each candidate bar on its own share of the users.
 */
export function shadowGate(world: World, s: DayStream, objective: Objective, champion: ServedPolicy, challenger: ServedPolicy, blind: Float32Array, launch: LaunchPlan | null): GateData {
  if (objective === 'impressions' && challenger.launch && challenger.model && launch) {
    const model = challenger.model;
    const { armOf, bars } = launch;
    const policies = [champion.policy, ...bars.map((b) => atBar(model, b))];
    const champScores = champion.policy.score(s.cands);
    const modelScores = challenger.policy.score(s.cands);
    const outcomes = policies.map((p, j) => outcomeOf(world, s, p, j === 0 ? champScores : modelScores, blind, (u) => armOf[u] === j));
    const users = armSizes(armOf, policies.length);
    const arms = outcomes.map((o, j) => launchArm(j === 0 ? null : (bars[j - 1] as number), users[j] as number, { queries: o.queries, impressions: o.impressions, revenue: o.expectedRevenue }));
    return launchGate(s.day, champion.label, challenger.label, arms, outcomes);
  }
  const champ = outcomeOf(world, s, champion.policy, champion.policy.score(s.cands), blind);
  const chall = outcomeOf(world, s, challenger.policy, challenger.policy.score(s.cands), blind);
  return gate(objective, s.day, { label: champion.label, outcome: champ }, { label: challenger.label, outcome: chall });
}

/**
 * Serves an impressions model's first day as its launch test: the champion it replaced on one
 * share of the users, each candidate bar on another; keeps the bar the objective prefers (or, if
 * none earns the champion's revenue per query, the highest bar), which serves from then on.
 */
export function serveLaunchDay(world: World, s: DayStream, control: ServedPolicy, model: ServedModel, scores: Float32Array, state: ServingState, launch: LaunchPlan): { served: PolicyDay; test: LaunchTest; bar: number } {
  const { armOf, bars } = launch;
  const arms = { armOf, policies: [control.policy, ...bars.map((b) => atBar(model, b))], scores: [control.policy.score(s.cands), ...bars.map(() => scores)], totals: [] };
  const served = serveDay(world, s, arms.policies[1]!, scores, state, arms);
  const users = armSizes(armOf, arms.policies.length);
  const list = arms.totals.map((t, j) => launchArm(j === 0 ? null : (bars[j - 1] as number), users[j] as number, t));
  const kept = chooseArm(list);
  const bar = kept > 0 ? (bars[kept - 1] as number) : (bars[bars.length - 1] as number);
  return { served, test: { day: s.day, arms: list, bar: kept > 0 ? bar : Number.NaN, rule: LAUNCH_RULE }, bar };
}
