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

test('k folds partition the rows: each row is held out by exactly one fold, and fold sizes differ by at most one', () => {
  const n = 10_007;
  const k = 3;
  const held = new Uint8Array(n);
  const sizes: number[] = [];
  for (let index = 0; index < k; index++) {
    const { trainRows, valRows } = splitRows(n, 0.2, 's', { k, index });
    expect(trainRows.length + valRows.length).toBe(n);
    sizes.push(valRows.length);
    for (const r of valRows) held[r]!++;
  }
  expect(held.every((c) => c === 1)).toBe(true);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  expect(() => splitRows(n, 0.2, 's', { k: 3, index: 3 })).toThrow(/not a valid fold/);
});

test('day folds hold out contiguous day ranges, partition the rows, and leave a buffer of days out of training', () => {
  const n = 9_000;
  const days = Uint8Array.from({ length: n }, (_, i) => i % 90);
  const k = 3;
  const held = new Uint8Array(n);
  for (let index = 0; index < k; index++) {
    const { trainRows, valRows } = splitRows(n, 0.2, 's', { k, index, by: 'day', gapDays: 15 }, days);
    const valDays = new Set(Array.from(valRows, (r) => days[r]!));
    expect([...valDays].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, d) => index * 30 + d));
    for (const r of valRows) held[r]!++;
    // No training row lies within 15 days of the held-out range.
    for (const r of trainRows) expect(days[r]! < index * 30 - 15 || days[r]! >= index * 30 + 45).toBe(true);
    expect(trainRows.length).toBe(n - valRows.length - (index === 1 ? 3_000 : 1_500));
  }
  expect(held.every((c) => c === 1)).toBe(true);
  expect(() => splitRows(n, 0.2, 's', { k, index: 0, by: 'day' })).toThrow(/day column/);
});
