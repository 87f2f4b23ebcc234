import { describe, expect, it } from 'vitest';
import { freshAloneClause, freshAloneOutcome } from './fresh-alone-claim.ts';

const base = { total: 0, se: 0, ci: [0, 0] as [number, number], days: [0, 89] as [number, number] };

describe('freshness alone', () => {
  it('says why it is worth exactly nothing when the world stands still and both fits are one', () => {
    const a = { ...base, stillWorld: true, sameModel: true };
    expect(freshAloneOutcome(a)).toBe('same-world');
    expect(freshAloneClause(a)).toContain('does not change from day to day');
    expect(freshAloneClause(a)).toContain('days 0–89');
  });
  it('judges by the interval otherwise', () => {
    expect(freshAloneOutcome({ ...base, ci: [-10, 20] })).toBe('within');
    expect(freshAloneOutcome({ ...base, stillWorld: true, sameModel: false, ci: [-10, 20] })).toBe('within');
    expect(freshAloneOutcome({ ...base, total: 619, ci: [369, 869] })).toBe('gained');
    expect(freshAloneOutcome({ ...base, total: -5, ci: [-9, -1] })).toBe('lost');
    expect(freshAloneClause({ ...base, ci: [-10, 20] })).toBe(', within the noise');
  });
});
