// The serving simulation: common random numbers are common, the stream is the policy's to share,
// the day's metrics add up to the log, and blindness makes CTR fall under a heavy irrelevant ad load.
import { describe, expect, it } from 'vitest';
import { createWorld, DEFAULT_PARAMS } from '../sim/world.ts';
import type { Columns } from '../sim/types.ts';
import { baselinePolicy, explorationPolicy } from './policies.ts';
import { comparePolicies, simulatePolicy, simulatePolicyAsync } from './simulate.ts';
import { windowMetrics } from './day.ts';
import type { ImpressionLog, Policy, SimOptions } from './types.ts';

const world = createWorld({ ...DEFAULT_PARAMS, seed: 'business-unit' });

/** Key of one impression: (day, query, ad). */
function key(log: ImpressionLog, i: number): string {
  return `${log.day[i]}/${log.query[i]}/${log.adId[i]}`;
}

describe('simulatePolicy', () => {
  const opts: SimOptions = { startDay: 10, days: 3, queriesPerDay: 800, seed: 'crn' };

  it('gives identical days, logs and blindness when run twice', () => {
    const a = simulatePolicy(world, baselinePolicy(), opts);
    const b = simulatePolicy(world, baselinePolicy(), opts);
    expect(b.days).toEqual(a.days);
    expect(b.totals).toEqual(a.totals);
    expect(b.blindness).toEqual(a.blindness);
    expect(b.log?.clicked).toEqual(a.log?.clicked);
    expect(b.log?.adId).toEqual(a.log?.adId);
    expect(a.totals.clicks).toBeGreaterThan(0);
  });

  it('matches comparePolicies, which serves every policy from one stream', () => {
    const [a, b] = comparePolicies(world, [baselinePolicy(), explorationPolicy(3)], opts);
    expect(simulatePolicy(world, baselinePolicy(), opts).days).toEqual(a?.days);
    expect(simulatePolicy(world, explorationPolicy(3), opts).days).toEqual(b?.days);
  });

  it('shows two policies the same queries and couples their clicks through one uniform per (query, ad)', () => {
    // A cohort so large that users rarely repeat within a day: both policies' users are fresh
    // when they meet an ad, so the same ad in the same slot has the same click probability.
    const o: SimOptions = { ...opts, days: 2, queriesPerDay: 3000, queriesPerUser: 0.01 };
    const a = simulatePolicy(world, baselinePolicy(1), o).log as ImpressionLog;
    const b = simulatePolicy(world, explorationPolicy(4), o).log as ImpressionLog;
    const byKey = new Map<string, number>();
    for (let i = 0; i < a.n; i++) byKey.set(key(a, i), i);
    let shared = 0;
    let samePClick = 0;
    let clicksShared = 0;
    for (let j = 0; j < b.n; j++) {
      const i = byKey.get(key(b, j));
      if (i === undefined) continue;
      shared++;
      // The same query stream: same user, text, hour and true score for the same (day, query, ad).
      expect(b.user[j]).toBe(a.user[i]);
      expect(b.queryText[j]).toBe(a.queryText[i]);
      expect(b.trueScore[j]).toBe(a.trueScore[i]);
      const pa = a.pClick[i] as number;
      const pb = b.pClick[j] as number;
      // One uniform u per (query, ad): clicked = u < p, so a higher probability never loses a click.
      if (pa <= pb && a.clicked[i] === 1) expect(b.clicked[j]).toBe(1);
      if (pb <= pa && b.clicked[j] === 1) expect(a.clicked[i]).toBe(1);
      if (pa === pb) {
        samePClick++;
        expect(b.clicked[j]).toBe(a.clicked[i]);
        clicksShared += a.clicked[i] as number;
      }
    }
    expect(shared).toBeGreaterThan(100);
    expect(samePClick).toBeGreaterThan(30);
    expect(clicksShared).toBeGreaterThan(0);
  });

  it('reports days whose totals equal the log (revenue = Σ clicked × CPC)', () => {
    const r = simulatePolicy(world, explorationPolicy(3), opts);
    const log = r.log as ImpressionLog;
    let revenue = 0;
    let clicks = 0;
    for (let i = 0; i < log.n; i++) {
      clicks += log.clicked[i] as number;
      revenue += (log.clicked[i] as number) * (log.bid[i] as number);
      expect(log.label[i]).toBe(log.clicked[i]);
    }
    expect(r.days.map((d) => d.day)).toEqual([10, 11, 12]);
    expect(r.totals.impressions).toBe(log.n);
    expect(r.totals.impressions).toBe(3 * 800 * 3);
    expect(r.totals.clicks).toBe(clicks);
    expect(r.totals.revenue).toBeCloseTo(revenue, 6);
    expect(r.days.reduce((s, d) => s + d.revenue, 0)).toBeCloseTo(revenue, 6);
    for (const d of r.days) {
      expect(d.adsPerQuery).toBe(3);
      expect(d.ctr).toBeCloseTo(d.clicks / d.impressions, 12);
      expect(d.ecpm).toBeCloseTo((1000 * d.revenue) / d.impressions, 9);
    }
  });

  it('starts users with the blindness a warm-up policy gave them, the same way for one policy or several', async () => {
    const o: SimOptions = { ...opts, log: false, warmup: { policy: baselinePolicy(), days: 5 } };
    const warm = simulatePolicy(world, explorationPolicy(2), o);
    const cold = simulatePolicy(world, explorationPolicy(2), { ...o, warmup: undefined });
    expect(warm.days[0]?.meanBlindness).toBeGreaterThan((cold.days[0]?.meanBlindness ?? 1) + 0.05);
    expect(comparePolicies(world, [baselinePolicy(), explorationPolicy(2)], o)[1]?.days).toEqual(warm.days);
    const asyncRun = await simulatePolicyAsync(world, { ...explorationPolicy(2), score: (c) => Promise.resolve(explorationPolicy(2).score(c)) }, o);
    expect(asyncRun.days).toEqual(warm.days);
  });

  it('lets CTR fall day by day when every query gets many irrelevant ads (ads blindness)', () => {
    // Eight ads of other categories on every query: every one is below the relevance threshold.
    const irrelevant: Policy = {
      name: 'irrelevant',
      score: (c: Columns) => Float32Array.from({ length: c.n }, (_, i) => (c.adCat[i] === c.queryCat[i] ? 0 : 1)),
      rule: 'threshold',
      threshold: 0.5,
      maxAds: 8,
    };
    const r = simulatePolicy(world, irrelevant, { startDay: 10, days: 10, queriesPerDay: 2000, seed: 'blind', log: false });
    const first = windowMetrics(r.days, 0, 2);
    const last = windowMetrics(r.days, 8, 10);
    expect(first.adsPerQuery).toBeGreaterThan(7);
    expect(last.ctr).toBeLessThan(0.75 * first.ctr);
    expect(r.days[9]?.meanBlindness).toBeGreaterThan((r.days[0]?.meanBlindness ?? 1) * 2);
  });
});
