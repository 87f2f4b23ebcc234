// The recap says only what was measured, with each step's number, and reads rises and falls by the noise rule.
import { expect, test } from 'vitest';
import { recap } from './recap.ts';
import { stepNumber } from './steps.ts';

test('nothing measured: no lesson, and a hint instead of a plan', () => {
  const r = recap({});
  expect(r.lessons).toHaveLength(0);
  expect(r.next).toMatch(/^Walk the steps/);
});

test('every step measured: one lesson each, with its number', () => {
  const r = recap({
    data: { positiveRate: 0.00018, buggyShare: 0.44 },
    rank: { version: 'v1', auc: 0.929 },
    wrong: { share: 0.5 },
    // 0.917 → 0.950 on 1,800 positives of 10,000,000: far past twice Hanley & McNeil's standard error (≈0.005).
    relabel: { noisy: { auc: 0.917, positives: 1800, rows: 250_000 }, relabelled: { auc: 0.95, positives: 1800, rows: 250_000 } },
    imbalance: { recall: 0, accuracy: 0.99990, dummy: 0.99990 },
    drift: { oldTest: { auc: 0.974, positives: 822, rows: 200_000 }, yesterday: { auc: 0.9, positives: 410, rows: 200_000 } },
    business: { outcome: 'won', sentence: 'The CTR policy won.' },
  });
  expect(r.lessons.map((l) => stepNumber(l.step))).toEqual([2, 4, 5, 6, 7, 9, 12]);
  expect(r.lessons[0]!.text).toContain('44% of the “show” labels');
  expect(r.lessons[1]!.text).toContain('AUC 0.929');
  expect(r.lessons[3]!.text).toContain('raised the gold AUC from 0.917 to 0.950');
  expect(r.lessons[5]!.text).toContain('fell from AUC 0.974');
  expect(r.next).toMatch(/^The next cycle/);
});

test('a change inside the noise is not called a rise', () => {
  // 0.930 against 0.931 on 1,800 positives: well inside the noise.
  const r = recap({ relabel: { noisy: { auc: 0.93, positives: 1800, rows: 250_000 }, relabelled: { auc: 0.931, positives: 1800, rows: 250_000 } } });
  expect(r.lessons[0]!.text).toContain('within the noise');
});
