// Keyboard-only walk of steps 9–10 at the story's defaults: train the stale model (days 0–44),
// evaluate it per day, open the drift report, choose the last 14 days on the timeline and retrain.
// The contract: data-role stale / fresh with data-split old_test / yesterday on the AUCs, drift
// rows with data-feature / data-drifted and one of the five measures, data-metric="drift_share".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp, stepOf, tabTo, waitForJob } from './app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The value of the AUC with this role and split. */
async function auc(page: Page, role: string, split: string): Promise<number> {
  return Number(await page.locator(`[data-metric="auc"][data-role="${role}"][data-split="${split}"]`).first().getAttribute('data-value'));
}

/** Tabs to the button named `name` and presses Enter. */
async function press(page: Page, name: RegExp): Promise<void> {
  await focusPage(page);
  await tabTo(page, name, 150);
  await page.keyboard.press('Enter');
}

describe('steps 9–10', () => {
  test('keyboard only: stale model, AUC per day, drift report, a 14-day window and a retrain', async () => {
    const { page, errors } = await openApp(browser, 'step=9&seed=clickcycle&backend=wasm');
    expect(await stepOf(page)).toBe(9);

    await press(page, /^Train the stale model$/);
    await waitForJob(page, 'stale', 180_000);
    const old = await auc(page, 'stale', 'old_test');
    const yesterday = await auc(page, 'stale', 'yesterday');
    expect(old - yesterday).toBeGreaterThanOrEqual(0.05);

    await press(page, /^Evaluate per day$/);
    await waitForJob(page, 'per-day', 120_000);
    expect(await page.locator('[data-chart="auc-per-day"] circle[data-day]').count()).toBe(45);

    await press(page, /^Open the drift report$/);
    await waitForJob(page, 'drift-report', 120_000);
    const rows = page.locator('[data-job="drift-report"] [data-feature]');
    expect(await rows.count()).toBe(11);
    for (const f of ['device', 'query_category']) {
      const row = page.locator(`[data-feature="${f}"]`);
      expect(await row.getAttribute('data-drifted')).toBe('true');
      expect(await row.locator('[data-metric]').first().getAttribute('data-metric')).toMatch(/^(psi|ks_p|chi2_p|js|wasserstein)$/);
    }
    const share = Number(await page.locator('[data-metric="drift_share"]').first().getAttribute('data-value'));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.5);

    await focusPage(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(10);
    await press(page, /^Last 14 days$/);
    expect(await page.locator('[data-window]').getAttribute('data-window')).toBe('75-88');
    // The brush's edges are keyboard sliders too: move the first day one later and back.
    await focusPage(page);
    await tabTo(page, /^First training day$/, 150);
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-window]').getAttribute('data-window')).toBe('76-88');
    // The window is in the link (window_first), not only in memory.
    await page.waitForURL(/window_first=76(&|$)/);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('[data-window]').getAttribute('data-window')).toBe('75-88');
    await page.waitForURL((u) => !u.searchParams.has('window_first'));

    await press(page, /^Retrain$/);
    await waitForJob(page, 'fresh', 180_000);
    const fresh = await auc(page, 'fresh', 'yesterday');
    expect(fresh).toBeGreaterThan(yesterday);
    expect(fresh).toBeGreaterThanOrEqual(old - 0.03);
    // Its labels were bought, not read off the simulator: every kept "show" checked at step 5's $0.25.
    const cost = Number(await page.locator('[data-metric="label_cost"][data-role="fresh"]').first().getAttribute('data-value'));
    const checked = Number(await page.locator('[data-metric="labels_checked"][data-role="fresh"]').first().getAttribute('data-value'));
    expect(checked).toBeGreaterThan(0);
    expect(cost).toBeCloseTo(checked * 0.25, 6);

    // Back on step 9, the drift slider to 0 (Home): the stale model, AUC per day and the report are
    // redone in the stationary world, where nothing decays and no feature drifts.
    await focusPage(page);
    await page.keyboard.press('ArrowLeft');
    expect(await stepOf(page)).toBe(9);
    await tabTo(page, /^Drift$/, 150);
    await page.keyboard.press('Home');
    await page.waitForURL(/drift=0(&|$)/);
    await page.locator('[data-job="drift-report"][data-status="running"]').waitFor({ timeout: 10_000 });
    await waitForJob(page, 'stale', 180_000);
    await waitForJob(page, 'per-day', 120_000);
    await waitForJob(page, 'drift-report', 120_000);
    const gap0 = (await auc(page, 'stale', 'old_test')) - (await auc(page, 'stale', 'yesterday'));
    expect(Math.abs(gap0)).toBeLessThanOrEqual(0.02);
    expect(Number(await page.locator('[data-metric="drift_share"]').first().getAttribute('data-value'))).toBeLessThanOrEqual(0.1);
    expect(await page.locator('.narrative').innerText()).toMatch(/nothing decays/);
    expect(errors).toEqual([]);

    // A link made on step 10 after moving the window reopens that window.
    const again = await openApp(browser, 'step=10&seed=clickcycle&backend=wasm&window_first=60&window_last=80');
    await again.page.locator('[data-window="60-80"]').waitFor();
    expect(again.errors).toEqual([]);
    await again.page.context().close();
  }, 600_000);
});
