// The measures table drives the measure lists, the drift rule and how values read.
import { describe, expect, it } from 'vitest';
import { formatMeasure, kindOf, MEASURES, measuresFor } from './measures.ts';
import { isDrift, thresholdOf } from './choose.ts';
import { measureText } from './format.ts';

describe('drift measures table', () => {
  it('lists every measure for a numeric column and the category ones otherwise, in report order', () => {
    expect(measuresFor(true)).toEqual(['psi', 'ks_p', 'chi2_p', 'js', 'wasserstein']);
    expect(measuresFor(false)).toEqual(['psi', 'chi2_p', 'js']);
  });

  it('p-values drift below 0.05, distances at or above 0.1', () => {
    expect(thresholdOf('ks_p')).toEqual({ value: 0.05, driftedWhen: 'below' });
    expect(thresholdOf('js')).toEqual({ value: 0.1, driftedWhen: 'at_or_above' });
    expect([isDrift('chi2_p', 0.049), isDrift('chi2_p', 0.05), isDrift('psi', 0.1), isDrift('psi', 0.099)]).toEqual([true, false, true, false]);
  });

  it('reads a value by its kind', () => {
    expect(kindOf('wasserstein')).toBe('distance');
    expect(kindOf('nope')).toBeUndefined();
    expect(formatMeasure('pvalue', 0.0002)).toBe('< 0.001');
    expect(formatMeasure('distance', 1e-9)).toBe('≈ 0');
    expect(measureText('ks_p', 0.0002)).toBe('< 0.001');
    expect(Object.values(MEASURES).every((m) => m.threshold === (m.kind === 'pvalue' ? 0.05 : 0.1))).toBe(true);
  });
});
