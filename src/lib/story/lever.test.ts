// Step 1's lever, on two days worked by hand.
import { expect, test } from 'vitest';
import { leverClaim } from './lever.ts';
import type { PolicyDay } from '../market/types.ts';

const day = (queries: number, impressions: number): PolicyDay =>
  ({ day: 0, queries, impressions, clicks: 0, ctr: 0, revenue: 0, ecpm: 0, adsPerQuery: impressions / queries, meanBlindness: 0 }) as PolicyDay;

test('a full cap: 2 ads on every query, and a third would add half again', () => {
  // 1,000 queries and 2,000 impressions a day on both days: 2.00 a query, the cap; 3 a query → 3,000 (+50%).
  const c = leverClaim([day(1000, 2000), day(1000, 2000)], 2)!;
  expect(c.adsPerQuery).toBe(2);
  expect(c.full).toBe(true);
  // 1 to 8 ads a query: 1,000 × k, the rule's 2 measured (2,000).
  expect(c.rows.map((r) => r.impressions)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000]);
  // 8 a query: 8,000 ÷ 2,000 = 4.0× the rule's.
  expect(c.title).toBe('The rule’s 2 ads a query buy 2,000 impressions a day; 8 a query would buy up to 8,000 (4.0×)');
  expect(c.sentence).toContain('every query already carries its 2 ads');
  expect(c.sentence).toContain('up to 3,000 a day (+50%)');
});

test('under the cap: the measured load is said, and the gain is against the measured impressions', () => {
  // 1,000 queries, 1,500 impressions: 1.50 a query; 3 a query → 3,000, +100% over 1,500.
  const c = leverClaim([day(1000, 1500)], 2)!;
  expect(c.full).toBe(false);
  expect(c.sentence).toContain('1.50 ads on average, under the cap of 2');
  expect(c.sentence).toContain('(+100%)');
  // 8 a query: 8,000 ÷ 1,500 = 5.33…, read as 5.3×.
  expect(c.title).toContain('8 a query would buy up to 8,000 (5.3×)');
});

test('no days: no claim', () => {
  expect(leverClaim([], 2)).toBeNull();
});
