// The checks of steps 11–13 through the serving worker's code, one seed at a time, shared by the
// serving test files (split so the story project's workers run them side by side). At the story's
// defaults: nothing leaks across the timeline (every model's last training day precedes every day
// it is served, shadowed, calibrated or compared on); the baseline's day-to-day revenue noise is at
// most 5%; over the days the kept bar serves alone (91–103, after the launch test of day 90) the
// book's trigger emerges, judged by the claim's own noise rules: more impressions a request than the
// baseline on the same requests, kept; CTR falls; revenue against the baseline (the holdback) starts
// above it and falls (ads blindness, Hohnhold et al. 2015); on the fortnight after (104–117), paired,
// the CTR policy has the higher CTR, and every arm of the attribution is served with its interval.
import { expect } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { RELEVANCE_DAYS, runServingStory } from './serving-story.ts';
import { SEEDS } from './support.ts';
import { switchClaim } from '../../src/lib/story/switch-claim.ts';
import { holdbackClaim } from '../../src/lib/story/holdback-claim.ts';

/** The baseline's day-to-day revenue noise (successive-difference spread ÷ mean) must be at most this at the defaults. */
export const MAX_REVENUE_NOISE = 0.05;

/** The ten seeds of the switch to CTR: the five story seeds and five more. */
export const SERVING_SEEDS = [...SEEDS, 'paris', 'kappa-7', 'north', 'delta-9', 'oslo'] as const;

/** Steps 11–13 on one seed at the story's defaults: no leak, the impressions policy decays, the CTR policy wins by more than noise. */
export async function checkServingSeed(seed: string): Promise<void> {
  const { session, gates, served, control, compared } = await runServingStory({ ...DEFAULT_PARAMS, seed });
  // The timeline: every model the session holds was trained strictly before every day it was used on.
  for (const m of session.snapshot().models ?? []) {
    const u = session.usageOf(m.version);
    for (const d of [...u.served, ...u.shadowed, ...u.calibrated, ...u.compared, ...u.estimated]) expect(m.trainDays[1], `${m.version} trained through ${m.trainDays[1]}, used on day ${d}`).toBeLessThan(d);
  }
  expect.soft(gates.map((g) => g.pass), 'both gates pass: a bar earns the baseline’s revenue with more ads; the CTR gate finds the reserve short of the impressions policy’s revenue per request on the shadow requests by no more than its noise').toEqual([true, true]);
  expect(served[0]?.day, 'the kept bar serves alone from the day after the launch test').toBe(session.plan.startDay + 1);
  const h = holdbackClaim(served, control)!;
  const imp = compared.map((d) => d.other!);
  const ctrOf = (days: typeof imp) => days.reduce((s, d) => s + d.clicks, 0) / days.reduce((s, d) => s + d.impressions, 0);
  const s = compared.at(-1)!.summary!;
  const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.info(
    `serving ${seed}: baseline noise ${pc(h.baselineNoise)} | impressions ×${h.impressionsLift.ratio.toFixed(2)} on the baseline (noise ${pc(h.impressionsLift.noise)}), ${h.impressions.first}→${h.impressions.last} (${h.impressions.direction}, noise ${pc(h.impressions.noise)}) | ` +
      `CTR ${pc(h.ctr.first)}→${pc(h.ctr.last)} (${h.ctr.direction}, ${pc(h.ctr.change)}, noise ${pc(h.ctr.noise)}) | revenue ÷ baseline ${h.revenue.firstRatio.toFixed(3)}→${h.revenue.lastRatio.toFixed(3)} (${h.revenue.direction}, ${pc(h.revenue.change)}, noise ${pc(h.revenue.noise)}) | ` +
      `blindness ${h.blindness?.first.toFixed(3)}→${h.blindness?.last.toFixed(3)} | compared: difference $${s.total.toFixed(0)} [${s.ci[0].toFixed(0)}, ${s.ci[1].toFixed(0)}], CTR ${pc(ctrOf(imp))} vs ${pc(ctrOf(compared))}`,
  );
  // §2: days quiet enough to see a trend.
  expect.soft(h.baselineNoise, 'the baseline’s day-to-day revenue noise').toBeLessThanOrEqual(MAX_REVENUE_NOISE);
  // §4: the book's trigger, each part by the claim's noise rule.
  expect.soft(h.impressionsLift.above, 'more impressions a request than the baseline on the same requests, beyond the noise').toBe(true);
  expect.soft(h.impressions.direction, 'its impressions do not fall from the first days to the last').not.toBe('fell');
  expect.soft(h.ctr.direction, 'its CTR falls beyond the noise').toBe('fell');
  expect.soft(h.revenue.startedAbove, 'its revenue starts above the baseline’s').toBe(true);
  expect.soft(h.revenue.direction, 'its revenue against the baseline falls beyond the noise').toBe('fell');
  expect.soft(h.missing, 'the claim names no missing part').toEqual([]);
  // §5: every arm of the attribution is served, with its paired interval around its difference.
  const arms = s.arms ?? [];
  console.info(`serving ${seed} arms (impressions policy ${s.impressionsAdsPerRequest?.toFixed(2)} ads a request): ${arms.map((a) => `${a.role} $${a.total.toFixed(0)} [${a.ci[0].toFixed(0)}, ${a.ci[1].toFixed(0)}] at ${a.adsPerRequest.toFixed(2)} ads`).join(' | ')}`);
  expect(arms.map((a) => a.role).sort()).toEqual(['click_label', 'ctr_no_bid', 'ctr_policy', 'fresh_impressions']);
  for (const a of arms) expect(a.ci[0] <= a.total && a.total <= a.ci[1], `${a.role}: the interval holds the total`).toBe(true);
  // Freshness alone: the fresh model against its twin (the same learner and rows on the impressions model's days), with its own interval.
  const alone = arms.find((a) => a.role === 'fresh_impressions')?.alone;
  expect(alone?.days, 'the twin fits on the impressions model’s days').toEqual(RELEVANCE_DAYS);
  expect(alone!.ci[0] <= alone!.total && alone!.total <= alone!.ci[1], 'freshness alone: the interval holds the total').toBe(true);
  // The CTR policy's arm is the comparison itself.
  expect(arms.find((a) => a.role === 'ctr_policy')?.total).toBeCloseTo(s.total, 6);
  // Compared fortnight, paired: the CTR policy wins on CTR.
  expect.soft(ctrOf(compared), 'CTR: pCTR × bid vs impressions').toBeGreaterThan(ctrOf(imp));
}

/** Steps 11–13 on one seed at drift = 0: the live lesson holds, and the claim follows the interval (the attribution's arms are not read here, so not served). */
export async function checkDrift0Seed(seed: string): Promise<void> {
  const { served, control, compared } = await runServingStory({ ...DEFAULT_PARAMS, seed, drift: 0 }, undefined, undefined, { arms: false });
  const h = holdbackClaim(served, control)!;
  const s = compared.at(-1)!.summary!;
  const claim = switchClaim(s.total, s.ci);
  console.info(
    `serving ${seed} drift=0: revenue ÷ baseline ${h.revenue.firstRatio.toFixed(3)}→${h.revenue.lastRatio.toFixed(3)} (${h.revenue.direction}), own revenue ${h.revenue.first.toFixed(3)} | ` +
      `CTR ${h.ctr.direction} | missing: ${h.missing.join('; ') || 'none'} | difference $${s.total.toFixed(0)} [${s.ci[0].toFixed(0)}, ${s.ci[1].toFixed(0)}] → ${claim?.outcome}`,
  );
  // Without drift the users still learn: the impressions policy keeps its lift while its revenue against the baseline falls.
  expect.soft(h.impressionsLift.above).toBe(true);
  expect.soft(h.revenue.direction).toBe('fell');
  // The claim is read from the interval: a win only if it lies above zero.
  expect.soft(claim?.outcome).toBe(s.ci[0] > 0 ? 'won' : s.ci[1] < 0 ? 'lost' : 'noise');
}
