// Step 8's remark on a reversed collected set, worked by hand.
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

test('skew 0.5: the collection streamed 2,000 candidates, remarked before the reversal', () => {
  // 2,000 candidates at 50%: about 1,000 "show" kept beside 0.001 × 1,000 = 1 negative: 1,000 / 1,001 = 99.9%
  // (a rate short of 1 never reads 100%).
  const r = collectRemark(1_001, 1_000, 0.001, 2_000);
  expect(r.scaled).toBe(true);
  expect(r.reversed).toBe(true);
  expect(r.sentence).toMatch(/^At this skew 2,000 candidates hold about the 1,000 ads worth showing that the story’s 10,000,000 hold/);
  expect(r.sentence).toContain('99.9% “show”');
  // The story's own collection is neither scaled nor remarked.
  expect(collectRemark(11_000, 1_000, 0.001, 10_000_000).sentence).toBe('');
});

test('skew 0.5 at its default keep rate of 1: the log’s own balance, scaled but not reversed', () => {
  // 2,000 candidates, every one kept, 1,020 of them "show": 51%, yet nothing was thinned, so nothing turned around.
  const r = collectRemark(2_000, 1_020, 1, 2_000);
  expect(r.share).toBeCloseTo(0.51, 9);
  expect(r.reversed).toBe(false);
  expect(r.scaled).toBe(true);
  expect(r.sentence).not.toContain('turned around');
});
