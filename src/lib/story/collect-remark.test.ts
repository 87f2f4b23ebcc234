// Step 7's remark on a reversed collected set, worked by hand.
import { expect, test } from 'vitest';
import { collectRemark } from './collect-remark.ts';

test('the story: about one "show" in ten kept rows, no remark', () => {
  // 1,000 positives kept beside 10,000 negatives: 1,000 / 11,000 = 9%.
  const r = collectRemark(11_000, 1_000, 0.001);
  expect(r.share).toBeCloseTo(0.0909, 4);
  expect(r.reversed).toBe(false);
  expect(r.sentence).toBe('');
});

test('skew 0.01: three "show" in four kept rows, remarked', () => {
  // 29,600 positives of 40,000 kept rows: 74%.
  const r = collectRemark(40_000, 29_600, 0.001);
  expect(r.reversed).toBe(true);
  expect(r.sentence).toContain('74% “show”');
});
