// Step 1 shows the rule-based baseline policy per simulated day, simulated live in the lab worker:
// finite, believable numbers (CTR of a few percent, revenue = clicks × CPC > 0), the same for the
// same seed in a fresh session, different for another seed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { metrics, openApp } from './app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The policy panel's totals once its simulation is done. */
async function policyTotals(page: Page): Promise<Record<string, number>> {
  await page.locator('[data-panel="policy"][data-status="done"]').waitFor({ timeout: 60_000 });
  const out: Record<string, number> = {};
  for (const m of await metrics(page, '[data-panel="policy"]')) out[m.name] = Number(m.value);
  return out;
}

test('step 1: the baseline policy per day is live, plausible and reproducible', async () => {
  const first = await openApp(browser, 'seed=alpha&step=1');
  const a = await policyTotals(first.page);
  expect(Object.keys(a).sort()).toEqual(['clicks', 'ctr', 'impressions', 'revenue']);
  // 14 days × 3,000 queries, at most two ads each: 0 < impressions ≤ 84,000.
  expect(a.impressions).toBeGreaterThan(10_000);
  expect(a.impressions).toBeLessThanOrEqual(14 * 3000 * 2);
  // CTR is clicks ÷ impressions and lands at a few percent for same-category ads.
  expect(a.ctr).toBeCloseTo((a.clicks ?? 0) / (a.impressions ?? 1), 12);
  expect(a.ctr).toBeGreaterThan(0.005);
  expect(a.ctr).toBeLessThan(0.1);
  // Revenue = Σ clicks × CPC; every CPC in the world is between $0.05 and $15.
  expect(a.revenue).toBeGreaterThan(0.05 * (a.clicks ?? 0));
  expect(a.revenue).toBeLessThan(15 * (a.clicks ?? 0));
  // The day charts (CTR, revenue) say what the tiles say; impressions, the same every day, are a tile.
  await expect(first.page.locator('[data-panel="policy"] svg').count()).resolves.toBeGreaterThanOrEqual(2);
  // The lever is the step's chart: 1 to 8 ads a query, the rule's 2 at the measured impressions a day
  // (the tile's total over 14 days), the others queries × ads a query (so 4 a query is 4 × 1 a query).
  const bars = await first.page.locator('[data-key="chart"] [data-chart="lever"] rect[data-ads-per-query]').evaluateAll((els) =>
    els.map((e) => [Number(e.getAttribute('data-ads-per-query')), Number(e.getAttribute('data-impressions'))] as const),
  );
  expect(bars.map(([k]) => k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(bars[1]![1]).toBeCloseTo((a.impressions ?? 0) / 14, 6);
  expect(bars[3]![1] / bars[0]![1]).toBeCloseTo(4, 9);
  expect(bars[7]![1]).toBeGreaterThan(bars[1]![1]);
  const title = await first.page.locator('[data-key="chart"] .chart-title').first().innerText();
  expect(title).toContain(`The rule’s 2 ads a query buy ${Math.round((a.impressions ?? 0) / 14).toLocaleString('en-US')} impressions a day`);
  expect(first.errors).toEqual([]);
  await first.page.context().close();

  const again = await openApp(browser, 'seed=alpha&step=1');
  expect(await policyTotals(again.page)).toEqual(a);
  await again.page.context().close();

  const other = await openApp(browser, 'seed=beta&step=1');
  expect(await policyTotals(other.page)).not.toEqual(a);
  await other.page.context().close();
});
