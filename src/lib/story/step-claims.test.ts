import { describe, expect, it } from 'vitest';
import { STEP_CLAIMS, labContradictions } from './step-claims.ts';
import { STEP_IDS } from './steps.ts';

describe('step claims keyed by step id', () => {
  it('names only steps of the story', () => {
    expect(Object.keys(STEP_CLAIMS)).toEqual(['imbalance', 'compare', 'drift', 'fresh', 'business']);
    for (const id of Object.keys(STEP_CLAIMS)) expect(STEP_IDS as readonly string[]).toContain(id);
  });

  it("prefixes each contradiction with its step's id", () => {
    // A gap of 0.05 against a noise of 0.01 is 'decayed', so 'held' contradicts it; a report read
    // as harmed disagrees with 'held'; a recovery of -0.02 beyond 0.01 is 'worse', not 'recovered'.
    const stale = { outcome: 'held', gap: 0.05, noise: 0.01, oldTest: 0.8, yesterday: 0.75 } as const;
    const report = { outcome: 'harm-and-flags', flagged: ['hour'], harmed: true, positivesMoved: false } as const;
    const recovery = { outcome: 'recovered', recovered: -0.02, noise: 0.01, level: null } as const;
    const found = labContradictions({ drift: { stale, trend: null, report }, fresh: recovery });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^drift: stale/);
    expect(found[1]).toBe('drift: the report reading disagrees with the AUC gap');
    expect(found[2]).toMatch(/^fresh: recovery/);
  });
});
