// Step 5's budget grows with the ads truly worth showing, so the default choice fits at any skew.
import { expect, test } from 'vitest';
import { RELABEL_BUDGET, relabelBudget } from './story.ts';

test('the story keeps its $100; larger logs of positives scale it in proportion', () => {
  // 1,000,000 × 0.0001 = 100 true positives: the story's own budget.
  expect(relabelBudget(1_000_000, 1e-4)).toBe(RELABEL_BUDGET);
  // Fewer positives never shrink it below $100.
  expect(relabelBudget(100_000, 1e-4)).toBe(100);
  expect(relabelBudget(1_000_000, 1e-5)).toBe(100);
  // 1,000,000 × 0.01 = 10,000 true positives, 100 times the story's: $10,000.
  expect(relabelBudget(1_000_000, 0.01)).toBe(10_000);
  // 1,000,000 × 0.5 = 500,000: $500,000; 100,000 × 0.01 = 1,000: $1,000.
  expect(relabelBudget(1_000_000, 0.5)).toBe(500_000);
  expect(relabelBudget(100_000, 0.01)).toBe(1_000);
});
