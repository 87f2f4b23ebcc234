// The CTR launch test's candidate reserves follow the click model's pCTR × bid on the shadow
// requests (one reserve per candidate ad load on the median request), and the CTR objective keeps the reserve with the highest CTR among those that earn at
// least the champion's revenue per request (none kept when none does).
import { describe, expect, it } from 'vitest';
import { CANDIDATES_PER_QUERY } from '../../src/lib/market/index.ts';
import type { LaunchArm } from '../../src/lib/serving/types.ts';
import { CANDIDATE_LOADS, RESERVE_COUNT, chooseReserve, ctrLaunchGate, reserveBars } from './ctr-launch.ts';
import { ratioSe } from './policies.ts';

const C = CANDIDATES_PER_QUERY;

/** Three requests; candidate j of request q has pCTR 0.01 and bid (j + 1)(q + 1) / 10, so pCTR × bid = 0.001 (j + 1)(q + 1). */
function requests(): { p: Float32Array; bid: Float32Array } {
  const p = new Float32Array(3 * C).fill(0.01);
  const bid = new Float32Array(3 * C);
  for (let q = 0; q < 3; q++) for (let j = 0; j < C; j++) bid[q * C + j] = ((j + 1) * (q + 1)) / 10;
  return { p, bid };
}

const arm = (bar: number | null, impressionsPerQuery: number, revenuePerQuery: number, ctr: number): LaunchArm => ({ bar, users: 100, queries: 100, impressions: 100 * impressionsPerQuery, revenue: 100 * revenuePerQuery, impressionsPerQuery, revenuePerQuery, ctr, chosen: false });

describe('reserveBars', () => {
  it('gives, for each candidate load k, the median request’s k-th best pCTR × bid', () => {
    const { p, bid } = requests();
    // Request q's k-th best is 0.001 (C − k + 1)(q + 1); the median of the three requests is q = 1: 0.002 (C − k + 1).
    const bars = reserveBars(p, bid, 3);
    expect(bars).toHaveLength(RESERVE_COUNT);
    CANDIDATE_LOADS.forEach((k, i) => expect(bars[i]).toBeCloseTo(0.002 * (C - k + 1), 6));
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

describe('ctrLaunchGate', () => {
  // Champion 0.20 a request, the kept reserve 0.19, each share's standard error 0.01: the noise is 2√(0.01² + 0.01²) = 0.0283.
  const launch = (reserveRevenue: number, se: number) => {
    const arms = [arm(null, 8, 0.2, 0.01), arm(0.04, 4, reserveRevenue, 0.02)];
    const out = (r: number) => ({ queries: 100, impressions: 400, expectedClicks: 8, expectedRevenue: 100 * r, revenueSe: se });
    return { day: 104, reserve: 0.04, kept: false, arms, outcomes: [out(0.2), out(reserveRevenue)] };
  };
  it('promotes a reserve short of the champion by less than the noise (two shares of different users differ by that much)', () => {
    const g = ctrLaunchGate('v5', 'v6', launch(0.19, 0.01));
    expect(g.noise).toBeCloseTo(2 * Math.sqrt(2) * 0.01, 9);
    expect(g.pass).toBe(true);
  });
  it('refuses a reserve short by more than the noise', () => {
    expect(ctrLaunchGate('v5', 'v6', launch(0.16, 0.01)).pass).toBe(false);
    expect(ctrLaunchGate('v5', 'v6', launch(0.19, 0.001)).pass).toBe(false);
  });
});

describe('ratioSe', () => {
  it('is the delta-method standard error of a ratio over users', () => {
    // Users: (r, n) = (1, 1), (3, 1), (2, 2): R = 6/4 = 1.5; residuals −0.5, 1.5, −1; Σ² = 3.5; m = 3, n̄ = 4/3:
    // √(3.5 / 6) / (4/3) = 0.57282.
    const se = ratioSe(new Float64Array([1, 3, 2, 0]), new Uint32Array([1, 1, 2, 0]), 6, 4);
    expect(se).toBeCloseTo(0.572822, 5);
  });
});
