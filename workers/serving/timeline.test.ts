// The story's timeline leaks nothing: every model the serving session holds was trained on days
// before every day it is served, shadowed, calibrated or compared on, and records its true days.
import { describe, expect, it } from 'vitest';
import { trainRelevanceModel } from '../../src/lib/market/index.ts';
import { DEPLOY_DAY, DEV_LAST_DAY } from '../../src/lib/sim/types.ts';
import { DEFAULT_PARAMS } from '../../src/lib/sim/world.ts';
import { HELD_OUT_DAYS, trainOnLog } from './click-model.ts';
import { comparePolicies } from './compare.ts';
import { estimateFromExploration } from './offpolicy.ts';
import { ctrServed } from './policies.ts';
import { fromScoringModel } from './scorer.ts';
import { DEFAULT_SESSION, ServingSession } from './session.ts';

/** Every day a session used a model on, whatever the use. */
function usedDays(s: ServingSession, version: string): number[] {
  const u = s.usageOf(version);
  return [...u.served, ...u.shadowed, ...u.calibrated, ...u.compared, ...u.estimated];
}

describe('the serving timeline', () => {
  it('deploys at the start of the day after development, serves, trains the click model on the log and compares on later days', async () => {
    const world = { ...DEFAULT_PARAMS, seed: 'timeline' };
    // A short story: 4 live days of 1,000 queries, 4 compared days after them.
    const s = new ServingSession({ world, ...DEFAULT_SESSION, days: 4, queriesPerDay: 1000, warmupDays: 3 });
    expect(DEFAULT_SESSION.startDay, 'deployment happens at the start of the day after the development history').toBe(DEV_LAST_DAY + 1);
    const rel = trainRelevanceModel(s.world, { days: [DEV_LAST_DAY - 29, DEV_LAST_DAY], rows: 400_000 });
    s.ship(fromScoringModel(rel, 'v5', world, [DEV_LAST_DAY - 29, DEV_LAST_DAY]), 'test');
    expect(s.shadow('impressions').pass, 'a bar of the launch test earns the baseline’s revenue with more ads').toBe(true);
    s.promote('test');
    s.setSpeed(0);
    await s.run();
    const served = s.snapshot().reports.map((r) => r.served.day);
    expect(served).toEqual([90, 91, 92, 93]);
    // Day 90 was served as the launch test: its arms, and the bar the objective kept serves from day 91.
    const launch = s.snapshot().reports[0]?.launch;
    expect(launch?.day).toBe(90);
    expect(launch?.arms.filter((a) => a.chosen).length).toBe(1);
    expect(s.policyFor('v5').bar).toBe(launch?.bar);
    expect(s.snapshot().reports[1]?.launch).toBeUndefined();
    const { model, report } = trainOnLog(s.chunks, 'live', 'v6', world, [90, 93]);
    // It fits on the log minus the held-out last days, and records those fitted days.
    expect(report.trainDays).toEqual([90, 93 - HELD_OUT_DAYS]);
    expect(model.days).toEqual([90, 93 - HELD_OUT_DAYS]);
    // The off-policy estimate reads only the exploration of the days the click model did not fit on.
    const ope = estimateFromExploration(s, ctrServed(model));
    expect(ope?.days).toEqual([93 - HELD_OUT_DAYS + 1, 93]);
    expect(s.usageOf('v6').estimated).toEqual([92, 93]);
    s.ship(model, 'test');
    expect(s.shadow('clicks').day, 'the click model is shadowed on the first day after the live ones').toBe(94);
    const days = await comparePolicies(s, s.policyFor('v5'), s.policyFor('v6'));
    expect(days.map((d) => d.day)).toEqual([94, 95, 96, 97]);
    expect(s.compareDays).toEqual([94, 97]);
    for (const m of s.snapshot().models ?? []) {
      const used = usedDays(s, m.version);
      expect(used.length, `${m.version} was used`).toBeGreaterThan(0);
      // The property itself: the last training day precedes every day the model is judged or served on.
      for (const d of used) expect(m.trainDays[1], `${m.version} trained through day ${m.trainDays[1]}, used on day ${d}`).toBeLessThan(d);
    }
    const byRole = Object.fromEntries((s.snapshot().models ?? []).map((m) => [m.role, m]));
    // The launch test's day is its own: the kept bar serves alone from the day after.
    expect(byRole.impressions_policy?.launchDay).toBe(DEPLOY_DAY);
    expect(byRole.impressions_policy?.serveFirstDay).toBe(DEPLOY_DAY + 1);
    expect(byRole.ctr_policy?.serveFirstDay).toBe(94);
  });
});
