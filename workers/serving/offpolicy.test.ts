// The exploration log and the off-policy estimate built on it: propensities are the uniform
// per-slot draws, the log covers the CTR policy's slots, and a target that copies the logger's
// choices is estimated at the log's own revenue.
import { describe, expect, it } from 'vitest';
import { CANDIDATES_PER_QUERY, trainRelevanceModel } from '../../src/lib/market/index.ts';
import { offPolicyEstimate } from '../../src/lib/serving/ope.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { trainOnLog } from './click-model.ts';
import { estimateFromExploration } from './offpolicy.ts';
import { ctrServed } from './policies.ts';
import { fromScoringModel } from './scorer.ts';
import { DEFAULT_SESSION, EXPLORE_SHARE, EXPLORE_SLOTS, ServingSession } from './session.ts';

describe('exploration and off-policy estimates', () => {
  it('logs uniform per-slot propensities on a share of the impressions policy’s requests, and estimates the CTR policy from them', async () => {
    const world = { ...DEFAULT_PARAMS, seed: 'explore' };
    const s = new ServingSession({ world, ...DEFAULT_SESSION, days: 4, queriesPerDay: 1000, warmupDays: 3 });
    const rel = trainRelevanceModel(s.world, { days: [60, 89], rows: 400_000 });
    s.ship(fromScoringModel(rel, 'v5', world, [60, 89]), 'test');
    expect(s.shadow('impressions').pass).toBe(true);
    s.promote('test');
    s.setSpeed(0);
    await s.run();
    const x = s.exploration;
    // About EXPLORE_SHARE of 4,000 requests (binomial: ±3 sd is ±57).
    expect(Math.abs(x.requests - EXPLORE_SHARE * 4000)).toBeLessThan(60);
    // Slot j is drawn uniformly among the 16 − j candidates not shown yet, so marginally every slot shows a given candidate with probability 1/16.
    for (let i = 0; i < x.slot.length; i++) expect(x.propensity[i]).toBeCloseTo(1 / CANDIDATES_PER_QUERY, 12);
    // Every explored request fills at least EXPLORE_SLOTS slots (8, the CTR policy's cap), so every slot 0–7 is logged.
    const slots = new Set(x.slot.filter((j) => j < EXPLORE_SLOTS));
    expect([...slots].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // A target that would show every logged ad in its slot supports every row.
    const same = offPolicyEstimate({ reward: x.reward, loggingProb: x.propensity, targetProb: x.propensity.map(() => 1) });
    expect(same.supported).toBe(x.reward.length);
    const { model } = trainOnLog(s.chunks, 'live', 'v6', world, [90, 93]);
    const e = estimateFromExploration(s, ctrServed(model));
    expect(e).not.toBeNull();
    // Only the click model's held-out days (92–93): it never sees a day it was fitted on, and the session records them.
    expect(model.days).toEqual([90, 91]);
    expect(e!.days).toEqual([92, 93]);
    expect(s.usageOf('v6').estimated).toEqual([92, 93]);
    // Few logged slots match a deterministic policy's choice (about 1 in 15), so the effective sample is small.
    expect(e!.supported).toBeGreaterThan(0);
    expect(e!.supported).toBeLessThan(e!.slots);
    // Matched weights are all 16 (1 / propensity): the effective sample is the matched count.
    expect(e!.ess).toBeCloseTo(e!.supported, 6);
    expect(e!.ips.ci[0]).toBeLessThanOrEqual(e!.ips.value);
    expect(e!.ips.ci[1]).toBeGreaterThanOrEqual(e!.ips.value);
  });
});
