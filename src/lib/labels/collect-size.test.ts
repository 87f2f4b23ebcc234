// Step 7's collection scales with the world: about the same ads worth showing streamed past at any
// skew, and about the story's number of training updates on a smaller kept set. Worked by hand.
import { expect, test } from 'vitest';
import { COLLECT_ROWS, collectKeep, collectRows, collectTrain, keepOf } from './story.ts';

test('the story streams 10,000,000 candidates; a larger skew streams 1,000 ÷ skew', () => {
  // 10,000,000 × 0.0001 = 1,000 ads worth showing: the story's own collection.
  expect(collectRows(1e-4)).toBe(COLLECT_ROWS);
  // A smaller skew never streams more than the story does.
  expect(collectRows(1e-5)).toBe(10_000_000);
  // 1,000 ÷ 0.01 = 100,000; 1,000 ÷ 0.5 = 2,000 (not 5,000,000 "show" rows to check and train on).
  expect(collectRows(0.01)).toBe(100_000);
  expect(collectRows(0.5)).toBe(2_000);
  // A skew a link cannot hold falls back to the story's size.
  expect(collectRows(0)).toBe(COLLECT_ROWS);
  expect(collectRows(Number.NaN)).toBe(COLLECT_ROWS);
});

test('a smaller kept set trains for more epochs, between 30 and 300', () => {
  // The story's set, 1,000 + 0.001 × 9,999,000 = 10,999 rows: 30 epochs, as before.
  expect(collectTrain(10_999).epochs).toBe(30);
  // A larger set (keep rate 0.1 at the story's skew) never trains for fewer.
  expect(collectTrain(1_000_000).epochs).toBe(30);
  // 1,099 rows (skew 0.01): 30 × 10,999 / 1,099 = 300.2…, capped at 300.
  expect(collectTrain(1_099).epochs).toBe(300);
  // 5,000 rows: ⌈30 × 10,999 / 5,000⌉ = ⌈65.99⌉ = 66.
  expect(collectTrain(5_000).epochs).toBe(66);
  expect(collectTrain(5_000).batchSize).toBe(256);
  expect(collectTrain(0).epochs).toBe(30);
});

test('the keep rate scales with the odds of "show": the story’s 0.001, 0.101 at 1%, everything at 50%', () => {
  // 0.001 × (0.0001 / 0.9999) ÷ (0.0001 / 0.9999) = 0.001: the story's collection.
  expect(collectKeep(1e-4)).toBeCloseTo(0.001, 12);
  // 0.001 × (0.01 / 0.99) ÷ (0.0001 / 0.9999) = 0.001 × 101.0 = 0.101: about 10,000 of 99,000 negatives beside 1,000 "show".
  expect(collectKeep(0.01)).toBeCloseTo(0.101, 6);
  // 0.001 × 1 ÷ 0.00010001 = 9.999, capped at 1: keep every candidate, the set is balanced already.
  expect(collectKeep(0.5)).toBe(1);
  // 0.001 × (0.00001 / 0.99999) ÷ (0.0001 / 0.9999) = 0.0000999…, raised to the slider's 0.0001.
  expect(collectKeep(1e-5)).toBe(1e-4);
  expect(collectKeep(Number.NaN)).toBe(0.001);
  // A link's own keep rate wins; 0 (the default) means the world's.
  expect(keepOf(0.02, 0.5)).toBe(0.02);
  expect(keepOf(0, 0.01)).toBeCloseTo(0.101, 6);
});
