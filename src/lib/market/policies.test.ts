// Picking ads for one query, and a day's metrics, on hand-computed cases.
import { describe, expect, it } from 'vitest';
import { columnsFrom } from '../features/columns-from.ts';
import { policyDay, windowMetrics } from './day.ts';
import { baselinePolicy, selectAds } from './policies.ts';
import type { Policy } from './types.ts';

const cands = columnsFrom({
  queryCat: [3, 3, 3, 3, 3],
  adCat: [3, 0, 3, 3, 5],
  bid: [4.0, 1.0, 5.0, 0.5, 2.0],
});
const scores = Float32Array.from([0.2, 0.9, 0.05, 0.6, 0.3]);

describe('selectAds', () => {
  it('threshold rule: every candidate at or above the threshold, best score first, at most maxAds', () => {
    const p: Policy = { name: 't', score: () => scores, rule: 'threshold', threshold: 0.25, maxAds: 8 };
    const out = new Uint32Array(8);
    const k = selectAds(p, cands, scores, 0, 5, out);
    expect([...out.subarray(0, k)]).toEqual([1, 3, 4]);
    expect(selectAds({ ...p, maxAds: 2 }, cands, scores, 0, 5, out)).toBe(2);
  });

  it('top-k by value: score × bid above the reserve, best value first', () => {
    // values: 0.8, 0.9, 0.25, 0.3, 0.6
    const p: Policy = { name: 'v', score: () => scores, rule: 'topk-by-value', threshold: 0.5, maxAds: 2 };
    const out = new Uint32Array(2);
    const k = selectAds(p, cands, scores, 0, 5, out);
    expect([...out.subarray(0, k)]).toEqual([1, 0]);
  });

  it('baseline: ads of the query category, highest bid first, two at most', () => {
    const b = baselinePolicy();
    const out = new Uint32Array(2);
    const k = selectAds(b, cands, b.score(cands), 0, 5, out);
    expect([...out.subarray(0, k)]).toEqual([2, 0]);
  });
});

describe('policyDay', () => {
  it('computes CTR, revenue, eCPM and ads per query from totals', () => {
    // 4 queries, 6 impressions, 2 clicks on ads costing $1.50 and $0.50.
    const d = policyDay(7, { queries: 4, impressions: 6, clicks: 2, revenue: 1.5 + 0.5 }, 0.1);
    expect(d).toEqual({ day: 7, queries: 4, impressions: 6, clicks: 2, ctr: 2 / 6, revenue: 2, ecpm: 2000 / 6, adsPerQuery: 1.5, meanBlindness: 0.1 });
    const none = policyDay(8, { queries: 3, impressions: 0, clicks: 0, revenue: 0 }, 0);
    expect(none.ctr).toBeNaN();
    expect(none.ecpm).toBeNaN();
    expect(none.adsPerQuery).toBe(0);
  });

  it('averages a window of days: pooled CTR, mean daily revenue', () => {
    const days = [policyDay(0, { queries: 10, impressions: 20, clicks: 1, revenue: 3 }, 0), policyDay(1, { queries: 10, impressions: 10, clicks: 2, revenue: 5 }, 0)];
    expect(windowMetrics(days, 0, 2)).toEqual({ ctr: 3 / 30, revenuePerDay: 4, adsPerQuery: 1.5 });
  });
});
