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
  // The day charts say what the tiles say.
  await expect(first.page.locator('[data-panel="policy"] svg').count()).resolves.toBeGreaterThanOrEqual(3);
  expect(first.errors).toEqual([]);
  await first.page.context().close();

  const again = await openApp(browser, 'seed=alpha&step=1');
  expect(await policyTotals(again.page)).toEqual(a);
  await again.page.context().close();

  const other = await openApp(browser, 'seed=beta&step=1');
  expect(await policyTotals(other.page)).not.toEqual(a);
  await other.page.context().close();
});
