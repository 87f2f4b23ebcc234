// Step 2's claim on the labels: the buggy batch's share of the "show" labels and the labelled rate
// without it, against the skew. Reference values worked by hand in each case's comment.
import { describe, expect, test } from 'vitest';
import { BUGGY_BATCH, dataClaim } from './data-claim.ts';

describe('dataClaim', () => {
  test('names the batch by its slice and days', () => {
    expect(BUGGY_BATCH).toBe('travel queries × finance ads on mobile, days 20–34');
  });

  test('a minority of the labels from the batch, the rest at the skew', () => {
    // 80 / 180 = 0.4444 (some); clean rate 100 / 1e6 = 1e-4, the skew exactly; SE = sqrt(1e-4 · 0.9999 / 1e6) ≈ 1e-5.
    const c = dataClaim({ total: 1e6, positives: 180, buggyPositives: 80, skew: 0.0001, noise: 0.1 });
    expect(c.buggy).toBe('some');
    expect(c.buggyShare).toBeCloseTo(0.4444, 4);
    expect(c.cleanRate).toBeCloseTo(1e-4, 10);
    expect(c.clean).toBe('same');
    expect(c.batch).toContain('44% of the “show” labels');
    expect(c.batch).toContain('within the noise');
    expect(c.annotators).toContain('miss 10% ');
  });

  test('most of the labels from the batch, and the rest below the skew by more than the noise', () => {
    // 150 / 200 = 0.75 (most); clean rate 50 / 1e6 = 5e-5; 1e-4 − 5e-5 = 5e-5 > 2 · 1e-5.
    const c = dataClaim({ total: 1e6, positives: 200, buggyPositives: 150, skew: 0.0001, noise: 0 });
    expect(c.buggy).toBe('most');
    expect(c.clean).toBe('down');
    expect(c.batch).toContain('below');
    expect(c.annotators).toContain('no mistakes');
  });

  test('no label from the batch, and a rate above the skew', () => {
    // clean rate 150 / 1e6 = 1.5e-4; 1.5e-4 − 1e-4 = 5e-5 > 2e-5.
    const c = dataClaim({ total: 1e6, positives: 150, buggyPositives: 0, skew: 0.0001, noise: 0.1 });
    expect(c.buggy).toBe('none');
    expect(c.clean).toBe('up');
    expect(c.batch).toContain('none of this log');
  });
});
