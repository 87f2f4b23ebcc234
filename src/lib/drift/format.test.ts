import { describe, expect, it } from 'vitest';
import { binRangeText, measureText, ruleText, wholeRangeText } from './format.ts';

describe('drift report formats', () => {
  it('bin ranges use a real minus and "to" when a dash would read as one', () => {
    expect(binRangeText(-7, -6.7)).toBe('−7.00 to −6.70');
    expect(binRangeText(-0.1, 0.2)).toBe('−0.10 to 0.20');
    expect(binRangeText(0.2, 0.3)).toBe('0.20–0.30');
    expect(binRangeText(10, 20)).toBe('10–20');
    expect(binRangeText(-0.001, 0.5)).toBe('0.00–0.50');
  });
  it('tiny p-values read "< 0.001", tiny distances "≈ 0"', () => {
    expect(measureText('chi2_p', 0)).toBe('< 0.001');
    expect(measureText('ks_p', 0.0004)).toBe('< 0.001');
    expect(measureText('ks_p', 0.0423)).toBe('0.0423');
    expect(measureText('psi', 2.81e-9)).toBe('≈ 0');
    expect(measureText('js', 0.00883)).toBe('0.00883');
    expect(measureText('wasserstein', 0.25)).toBe('0.250');
    expect(measureText('psi', NaN)).toBe('—');
  });
  it('the rule reads as a condition, not an inequality about the value', () => {
    expect(ruleText('js', 0.1)).toBe('drift if ≥ 0.1');
    expect(ruleText('chi2_p', 0.05)).toBe('drift if < 0.05');
  });
});

describe('wholeRangeText', () => {
  it('reads a bin of the hour by the whole hours it holds', () => {
    // 18 equal bins over [0, 23]: width 23/18 = 1.278.
    expect(wholeRangeText(0, 23 / 18)).toBe('0–1');
    expect(wholeRangeText(23 / 18, 46 / 18)).toBe('2');
    expect(wholeRangeText((17 * 23) / 18, 23, true)).toBe('22–23');
    expect(wholeRangeText(2, 3)).toBe('2');
    // A bin holding no whole number keeps its decimals rather than reading empty.
    expect(wholeRangeText(2.2, 2.8)).toBe('2.20–2.80');
  });
});
