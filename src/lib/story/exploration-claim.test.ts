// Step 12's "Exploring has a price" follows the noise rule, for every outcome, on hand-built numbers.
import { describe, expect, it } from 'vitest';
import { explorationClaim, explorationContradictions } from './exploration-claim.ts';

// 10% explored: the difference's standard error is se·√(1 + 0.1/0.9) = se·1.05409; with se = $0.002
// twice that is 2·0.002·1.05409 = $0.0042164.
const base = { requests: 6_000, share: 0.1, servedRevenuePerRequest: 0.05, exploredRevenueSe: 0.002 };

describe('the price of exploring', () => {
  it('is said only when the explored requests earned less beyond the noise', () => {
    const c = explorationClaim({ ...base, exploredRevenuePerRequest: 0.04 });
    expect(c.outcome).toBe('cost');
    expect(c.noise).toBeCloseTo(0.0042164, 6);
    expect(c.sentence).toBe('Exploring has a price: the explored requests earned $0.0400 a request against $0.0500 for the others, a gap beyond the noise (twice its standard error is $0.00422).');
    expect(explorationContradictions(c)).toEqual([]);
  });

  it('a gap inside twice its standard error is noise (0.0040 < 0.0042164)', () => {
    const c = explorationClaim({ ...base, exploredRevenuePerRequest: 0.046 });
    expect(c.outcome).toBe('noise');
    expect(c.sentence).toMatch(/^Whether exploring has a price does not show on these days: .*within the noise/);
    expect(c.sentence).not.toMatch(/Exploring has a price/);
    // Just past it (0.0043 > 0.0042164) the price is said.
    expect(explorationClaim({ ...base, exploredRevenuePerRequest: 0.0457 }).outcome).toBe('cost');
  });

  it('the explored requests earning more beyond the noise says so', () => {
    const c = explorationClaim({ ...base, exploredRevenuePerRequest: 0.06 });
    expect(c.outcome).toBe('gain');
    expect(c.sentence).toMatch(/^Exploring cost nothing here/);
  });

  it('without a standard error nothing is claimed', () => {
    const c = explorationClaim({ ...base, exploredRevenuePerRequest: 0.01, exploredRevenueSe: undefined });
    expect(c.outcome).toBe('unknown');
    expect(c.sentence).not.toMatch(/Exploring has a price/);
  });

  it('a claim that contradicts its numbers is caught', () => {
    const c = explorationClaim({ ...base, exploredRevenuePerRequest: 0.046 });
    expect(explorationContradictions({ ...c, outcome: 'cost' })).toHaveLength(1);
    expect(explorationContradictions({ ...c, outcome: 'gain' })).toHaveLength(1);
    const far = explorationClaim({ ...base, exploredRevenuePerRequest: 0.03 });
    expect(explorationContradictions({ ...far, outcome: 'noise' })).toHaveLength(1);
  });
});
