import { describe, expect, it } from 'vitest';
import type { ComparisonSummary, GateData } from '../serving/types.ts';
import { gateFortnightClaim } from './gate-fortnight-claim.ts';

const outcome = { queries: 700, impressions: 3000, expectedClicks: 50, expectedRevenue: 140 };
const gate = (pass: boolean): GateData => ({
  objective: 'clicks',
  rule: '',
  metric: 'revenue_per_request',
  champion: { label: 'v5', value: 0.2135, outcome },
  challenger: { label: 'v6', value: 0.16, outcome },
  pass,
  noise: 0.036,
  day: 104,
});
const summary = (total: number, ci: [number, number]) => ({ days: [104, 117], impressions: 'v5', ctr: 'v6', users: 30000, resamples: 2000, total, se: 450, ci }) as ComparisonSummary;

describe('gateFortnightClaim', () => {
  it('says nothing when the gate passed', () => {
    expect(gateFortnightClaim(gate(true), summary(3269, [2369, 4183]))).toBeNull();
  });
  it('keeps the story going before the replay', () => {
    const c = gateFortnightClaim(gate(false), undefined)!;
    expect(c.outcome).toBe('pending');
    expect(c.sentence).toContain('short by $0.0535, more than its noise ($0.0360)');
    expect(c.sentence).toContain('Replay still serves');
  });
  it('sets the gate’s no beside the fortnight’s answer, each with its noise', () => {
    const won = gateFortnightClaim(gate(false), summary(3269, [2369, 4183]))!;
    expect(won.outcome).toBe('won');
    expect(won.sentence).toContain('earns $3,269 more, by more than the noise (95% interval $2,369 to $4,183)');
    expect(won.sentence).toContain('They disagree because');
    expect(gateFortnightClaim(gate(false), summary(-500, [-900, -100]))!.outcome).toBe('lost');
    expect(gateFortnightClaim(gate(false), summary(100, [-300, 500]))!.sentence).toContain('within the noise');
  });
});
