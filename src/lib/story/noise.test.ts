// Step 4's reading of the validation AUC: steady only when twice its Hanley–McNeil error is at most 0.01.
import { describe, expect, it } from 'vitest';
import { aucSteadiness } from './noise.ts';

describe('aucSteadiness', () => {
  it('reads the Hanley–McNeil error from the counts', () => {
    // AUC 0.8: Q1 = 0.8/1.2, Q2 = 1.28/1.8. With 100 positives in 10,000 rows the variance is
    // (0.16 + 99·0.026667 + 9,899·0.071111) / 990,000 = 7.1387e-4, twice its root 0.053437: thin.
    const thin = aucSteadiness({ auc: 0.8, positives: 100, rows: 10_000 });
    expect(thin.noise).toBeCloseTo(0.0534366, 6);
    expect(thin.outcome).toBe('thin');
    // With 5,000 positives in 1,000,000 rows: twice the error is 0.0075496, the second decimal is sure.
    const steady = aucSteadiness({ auc: 0.8, positives: 5_000, rows: 1_000_000 });
    expect(steady.noise).toBeCloseTo(0.0075496, 6);
    expect(steady.outcome).toBe('steady');
    // No positives: unknown, so thin.
    expect(aucSteadiness({ auc: Number.NaN, positives: 0, rows: 100 }).outcome).toBe('thin');
  });
});
