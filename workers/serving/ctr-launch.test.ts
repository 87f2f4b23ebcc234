// The CTR launch test's candidate reserves follow the click model's pCTR × bid on the shadow
// requests, and the CTR objective keeps the reserve with the highest CTR among those that earn at
// least the champion's revenue per request (none kept when none does).
import { describe, expect, it } from 'vitest';
import { CANDIDATES_PER_QUERY } from '../../src/lib/business/index.ts';
import type { LaunchArm } from '../../src/lib/serving/types.ts';
import { RESERVE_COUNT, RESERVE_GRID, chooseReserve, reserveBars } from './ctr-launch.ts';

const C = CANDIDATES_PER_QUERY;

/** Requests whose best candidate has pCTR × bid `best[q]` (one candidate at pCTR 0.02 with bid best/0.02, the rest at 0). */
function requests(best: number[]): { p: Float32Array; bid: Float32Array } {
  const p = new Float32Array(best.length * C);
  const bid = new Float32Array(best.length * C).fill(1);
  best.forEach((b, q) => {
    p[q * C] = 0.02;
    bid[q * C] = b / 0.02;
  });
  return { p, bid };
}

const arm = (bar: number | null, impressionsPerQuery: number, revenuePerQuery: number, ctr: number): LaunchArm => ({ bar, users: 100, queries: 100, impressions: 100 * impressionsPerQuery, revenue: 100 * revenuePerQuery, impressionsPerQuery, revenuePerQuery, ctr, chosen: false });

describe('reserveBars', () => {
  it('ends at the first grid value at or above the median best pCTR × bid', () => {
    // Best values 0.01, 0.02, 0.05: median 0.02 (the middle of three); the first grid value ≥ 0.02 is 0.03.
    const { p, bid } = requests([0.05, 0.01, 0.02]);
    expect(reserveBars(p, bid, 3)).toEqual([1e-4, 3e-4, 0.001, 0.003, 0.01, 0.03]);
    // Median 0.3 exactly: 0.3 itself is the highest reserve.
    const r = requests([0.3, 0.3, 2]);
    expect(reserveBars(r.p, r.bid, 3)).toEqual([0.001, 0.003, 0.01, 0.03, 0.1, 0.3]);
  });
  it('never leaves the grid, and always gives RESERVE_COUNT reserves', () => {
    for (const v of [0, 1e-7, 0.004, 50]) {
      const { p, bid } = requests([v, v, v]);
      const bars = reserveBars(p, bid, 3);
      expect(bars).toHaveLength(RESERVE_COUNT);
      for (const b of bars) expect(RESERVE_GRID).toContain(b);
    }
  });
});

describe('chooseReserve', () => {
  it('keeps the highest CTR among the reserves earning at least the champion’s revenue per request', () => {
    const arms = [arm(null, 2, 0.1, 0.01), arm(0.001, 3, 0.14, 0.012), arm(0.01, 2, 0.12, 0.02), arm(0.1, 1, 0.09, 0.05)];
    // 0.1 has the highest CTR but earns 0.09 < 0.1 a request; of the two that earn enough, 0.01 has the higher CTR.
    expect(chooseReserve(arms)).toBe(2);
    expect(arms.map((a) => a.chosen)).toEqual([false, false, true, false]);
  });
  it('keeps none when no reserve earns the champion’s revenue per request', () => {
    const arms = [arm(null, 2, 0.1, 0.01), arm(0.001, 3, 0.09, 0.012), arm(0.01, 1, 0.05, 0.03)];
    expect(chooseReserve(arms)).toBe(-1);
    expect(arms.some((a) => a.chosen)).toBe(false);
  });
});
