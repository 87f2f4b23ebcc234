// Step 8's chart title follows the operating claim's outcome; recalls and noise worked by hand.
import { expect, test } from 'vitest';
import { fixTitle } from './fix-title.ts';
import type { OperatingClaim } from './operating-claim.ts';

const base: OperatingClaim = { outcome: 'better', target: 1_234, shown: 1_230, recallClean: 0.2, recallRebal: 0.35, diff: 0.15, noise: 0.05, paired: true, positives: 100 };

test('each outcome states what the fix bought, with the load and the noise', () => {
  expect(fixTitle(base)).toBe('The fix buys recall: 35% against 20% at the same 1,234 ads shown, beyond the ±5% of chance');
  expect(fixTitle({ ...base, outcome: 'worse', recallRebal: 0.1, diff: -0.1 })).toBe('The fix costs recall: 10% against 20% at the same 1,234 ads shown, beyond the ±5% of chance');
  expect(fixTitle({ ...base, outcome: 'same', recallRebal: 0.22, diff: 0.02 })).toBe('The fix buys no measurable recall: 22% against 20% at the same 1,234 ads shown, within the ±5% of chance');
});

test('nothing to compare, no title (and no chart)', () => {
  expect(fixTitle({ ...base, outcome: 'none-shown' })).toBeNull();
  expect(fixTitle({ ...base, outcome: 'clean-shows-none' })).toBeNull();
});
