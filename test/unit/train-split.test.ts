// The seeded train/validation split: disjoint, complete, reproducible, and mixed.
import { expect, test } from 'vitest';
import { splitRows } from '../../workers/lab/prepared.ts';

test('the split covers every row once, holds out the asked fraction, and depends only on the seed', () => {
  const n = 100_003;
  const a = splitRows(n, 0.2, 's');
  expect(a.valRows.length).toBe(Math.round(n * 0.2));
  const seen = new Uint8Array(n);
  for (const r of a.trainRows) seen[r]!++;
  for (const r of a.valRows) seen[r]!++;
  expect(seen.every((c) => c === 1)).toBe(true);
  const b = splitRows(n, 0.2, 's');
  expect(Array.from(b.trainRows)).toEqual(Array.from(a.trainRows));
  expect(Array.from(splitRows(n, 0.2, 't').valRows)).not.toEqual(Array.from(a.valRows));
});

test('training rows are shuffled: a batch of 4,096 mixes 16 blocks from all over the dataset', () => {
  const { trainRows } = splitRows(1_000_000, 0.2, 's');
  const head = Array.from(trainRows.subarray(0, 4096));
  const blocks = new Set(head.map((r) => Math.floor(r / 1000)));
  expect(blocks.size).toBeGreaterThanOrEqual(16);
  expect(Math.max(...head) - Math.min(...head)).toBeGreaterThan(700_000);
  // Validation rows are a uniform draw: about 20% in each half of the dataset.
  const { valRows } = splitRows(1_000_000, 0.2, 's');
  const firstHalf = valRows.filter((r) => r < 500_000).length / valRows.length;
  expect(Math.abs(firstHalf - 0.5)).toBeLessThan(0.01);
});
