// The paired comparison of step 12: the impressions policy and the CTR policy each serve the days
// after the live fortnight (which neither model trained on) from the same users' state, on the same
// requests and click draws; the total revenue difference gets a 95% interval from a paired
// bootstrap over users (Efron & Tibshirani 1993), since ads blindness ties a user's days together.
import { pairedBootstrap } from '../../src/lib/market/bootstrap.ts';
import { serveDay, startServing, type SimOptions } from '../../src/lib/market/index.ts';
import { Rng } from '../../src/lib/rng.ts';
import type { ArmSummary, ComparedDay, ComparisonSummary } from '../../src/lib/serving/types.ts';
import type { PolicyDay } from '../../src/lib/market/index.ts';
import type { ServedPolicy } from './policies.ts';
import type { ServingSession } from './session.ts';
import { armScores, ctrArm, type Arm } from './arms.ts';

/** Bootstrap resamples of the users (Efron & Tibshirani suggest ≥ 1,000 for a percentile interval). */
export const COMPARE_RESAMPLES = 2000;
/** Resamples of each attribution arm's interval (the least Efron & Tibshirani suggest: four more arms over 30,000 users). */
export const ARM_RESAMPLES = 1000;

/** Both arms on the compared days, day by day; the CTR arm's days carry the impressions arm's day, the last one the summary. */
export async function comparePolicies(
  session: ServingSession,
  impressions: ServedPolicy,
  ctr: ServedPolicy,
  onDay?: (d: ComparedDay, k: number) => void,
  yieldNow?: () => Promise<void>,
  extra: readonly Arm[] = [],
): Promise<ComparedDay[]> {
  const { plan, world } = session;
  const opts: SimOptions = { startDay: plan.startDay, days: plan.days, queriesPerDay: plan.queriesPerDay, seed: plan.seed, log: false, initialBlindness: session.servedBlindness };
  const start = () => {
    const state = startServing(world, plan, opts);
    state.userRevenue = new Float64Array(plan.users);
    return state;
  };
  const arms = [impressions, ctr].map((p) => ({ p, state: start() }));
  // The attribution's arms (the CTR policy among them when there are any), each from the same users' state.
  const parts = extra.length > 0 ? [ctrArm(ctr), ...extra.filter((a) => a.role !== 'ctr_policy')] : [];
  const partStates = parts.map(() => ({ state: start(), days: [] as PolicyDay[] }));
  // Each arm's twin (freshness alone is the arm minus its twin), from the same users' state.
  const twinStates = parts.map((arm) => (arm.twin ? start() : null));
  const days: ComparedDay[] = [];
  for (let k = 0; k < plan.days; k++) {
    const s = session.stream(plan.days + k);
    const cache = new Map<string, Float32Array>();
    const [a, b] = arms.map(({ p, state }) => {
      session.use(p.label, 'compared', s.day);
      return serveDay(world, s, p.policy, p.model ? armScores({ role: 'ctr_policy', label: p.label, model: p.model, policy: p.policy }, s.cands, cache) : p.policy.score(s.cands), state);
    });
    parts.forEach((arm, i) => {
      session.use(arm.model.version, 'compared', s.day);
      partStates[i]!.days.push(serveDay(world, s, arm.policy, armScores(arm, s.cands, cache), partStates[i]!.state));
      const twin = arm.twin;
      if (twin) session.use(twin.model.version, 'compared', s.day);
      if (twin && twinStates[i]) serveDay(world, s, twin.policy, armScores(twin, s.cands, cache), twinStates[i]!);
    });
    const day: ComparedDay = { ...b!, other: a };
    if (k === plan.days - 1) {
      day.summary = summarize(session, impressions, ctr, arms[0]!.state.userRevenue!, arms[1]!.state.userRevenue!);
      const impDays = days.map((d) => d.other!).concat(a!);
      day.summary.impressionsAdsPerRequest = adsPerRequest(impDays);
      if (parts.length > 0) day.summary.arms = parts.map((arm, i) => armSummary(session, arm, partStates[i]!.days, arms[0]!.state.userRevenue!, partStates[i]!.state.userRevenue!, twinStates[i]?.userRevenue));
    }
    days.push(day);
    onDay?.(day, k);
    await yieldNow?.();
  }
  return days;
}

function adsPerRequest(days: readonly PolicyDay[]): number {
  const q = days.reduce((n, d) => n + d.queries, 0);
  return q > 0 ? days.reduce((n, d) => n + d.impressions, 0) / q : Number.NaN;
}

/** An arm's revenue difference against the impressions policy, paired over users (its own resampling seed). */
function armSummary(session: ServingSession, arm: Arm, days: readonly PolicyDay[], impressions: Float64Array, own: Float64Array, twin?: Float64Array): ArmSummary {
  const boot = pairedBootstrap(impressions, own, new Rng(`${session.world.params.seed}/compare/${session.plan.seed}/${arm.role}`), ARM_RESAMPLES);
  const out: ArmSummary = { role: arm.role, label: arm.label, revenue: days.reduce((s, d) => s + d.revenue, 0), adsPerRequest: adsPerRequest(days), total: boot.total, se: boot.se, ci: boot.percentile };
  if (twin && arm.twin) {
    const alone = pairedBootstrap(twin, own, new Rng(`${session.world.params.seed}/compare/${session.plan.seed}/${arm.role}/alone`), ARM_RESAMPLES);
    out.alone = { total: alone.total, se: alone.se, ci: alone.percentile, days: [arm.twin.model.days[0], arm.twin.model.days[1]], stillWorld: arm.alike?.world ?? false, sameModel: arm.alike?.model ?? false };
  }
  return out;
}

/** The paired bootstrap of the total difference (CTR − impressions) over users, seeded by the world. */
function summarize(session: ServingSession, impressions: ServedPolicy, ctr: ServedPolicy, a: Float64Array, b: Float64Array): ComparisonSummary {
  const boot = pairedBootstrap(a, b, new Rng(`${session.world.params.seed}/compare/${session.plan.seed}`), COMPARE_RESAMPLES);
  return { days: session.compareDays, impressions: impressions.label, ctr: ctr.label, users: boot.n, resamples: boot.resamples, total: boot.total, se: boot.se, ci: boot.percentile };
}
