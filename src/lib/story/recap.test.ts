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
    fix: { version: 'v3', rows: 52_000, calibration: 411.2, recalibrated: 0.981, threshold: 0.0909, shown: 1500, recall: 0.4 },
    drift: { oldTest: { auc: 0.974, positives: 822, rows: 200_000 }, yesterday: { auc: 0.9, positives: 410, rows: 200_000 } },
    business: { outcome: 'won', sentence: 'The CTR policy won.' },
  });
  expect(r.lessons.map((l) => stepNumber(l.step))).toEqual([2, 4, 5, 6, 7, 8, 9, 12]);
  expect(r.lessons[0]!.text).toContain('44% of the “show” labels');
  expect(r.lessons[1]!.text).toContain('AUC 0.929');
  expect(r.lessons[3]!.text).toContain('raised the gold AUC from 0.917 to 0.950');
  expect(r.lessons[5]!.text).toBe(
    'Collect more of the rare class, recalibrate, and let the cost choose the threshold: v3, trained on 52,000 collected rows, predicted 411× the observed rate as trained and 0.98× once recalibrated; at the cost’s threshold 0.09 it shows 1,500 ads and finds 40% of the ads worth showing.',
  );
  expect(r.lessons[6]!.text).toContain('fell from AUC 0.974');
  expect(r.next).toMatch(/^The next cycle/);
});

test('a change inside the noise is not called a rise', () => {
  // 0.930 against 0.931 on 1,800 positives: well inside the noise.
  const r = recap({ relabel: { noisy: { auc: 0.93, positives: 1800, rows: 250_000 }, relabelled: { auc: 0.931, positives: 1800, rows: 250_000 } } });
  expect(r.lessons[0]!.text).toContain('within the noise');
});

test('step 8 without recalibration or with nothing shown says so, not a made-up number', () => {
  const r = recap({ fix: { version: 'v3', rows: 1234, calibration: 1.02, threshold: 0.5, shown: 0, recall: Number.NaN } });
  expect(r.lessons.map((l) => stepNumber(l.step))).toEqual([8]);
  expect(r.lessons[0]!.text).toContain('predicted 1.02× the observed rate;');
  expect(r.lessons[0]!.text).toContain('at the cost’s threshold 0.5 it shows no ad.');
});
