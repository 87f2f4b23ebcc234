import { describe, expect, it } from 'vitest';
import { switchClaim } from './switch-claim.ts';

describe('switchClaim', () => {
  it('claims a win only when the whole interval is above zero', () => {
    const c = switchClaim(1568, [1270, 1870]);
    expect(c?.outcome).toBe('won');
    expect(c?.sentence).toContain('$1,568 more');
    expect(c?.sentence).toContain('$1,270 to $1,870');
  });
  it('claims a loss only when the whole interval is below zero', () => {
    const c = switchClaim(-404, [-700, -90]);
    expect(c?.outcome).toBe('lost');
    expect(c?.sentence).toContain('$404.00 less');
    // Below $1,000 the sentence reads cents, as the revenue tiles beside it do (format.ts dollars).
    expect(c?.sentence).toContain('−$700.00 to −$90.00');
  });
  it('says "within the noise" when the interval contains zero, whatever the sign of the total', () => {
    expect(switchClaim(120, [-50, 290])?.outcome).toBe('noise');
    expect(switchClaim(-20, [-300, 260])?.outcome).toBe('noise');
    // An interval touching zero does not exclude it.
    expect(switchClaim(100, [0, 200])?.outcome).toBe('noise');
  });
  it('makes no claim without a comparison', () => {
    expect(switchClaim(Number.NaN, [Number.NaN, Number.NaN])).toBeNull();
  });
});
