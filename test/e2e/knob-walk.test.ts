// No dead end at a knob far from the story's: at skew 0.01 (1,000,000 rows, a seed no other test
// uses) and at skew 0.5 (half the candidates worth showing), a walk presses each step's main action
// with its default choices, through step 10, and fails on a disabled main button or a key tile left
// empty ("—", nothing measured). A value that is mathematically undefined ("not defined", 0 ÷ 0) is
// a finding, not a dead end, and passes. At skew 0.5 step 8's collection streams 2,000 candidates
// (about the story's 1,000 ads worth showing), not 10,000,000: every "show" of those would be about
// 5,000,000 rows to check and train on for 30 epochs, which took more than 400 s. Its default keep
// rate scales with the skew (1 at 0.5, 0.101 at 0.01: src/lib/labels/story.ts).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp, stepOf, waitForJob } from './app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses a step's main button, failing if it stays disabled (the dead end this walk looks for). */
async function press(page: Page, name: string, where: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true }).first();
  await button.waitFor({ timeout: 300_000 });
  const enabled = page.getByRole('button', { name, exact: true }).and(page.locator(':enabled')).first();
  await enabled.waitFor({ timeout: 300_000 }).catch(async () => {
    throw new Error(`${where}: “${name}” stays disabled: ${await page.locator('main').innerText()}`);
  });
  await enabled.click();
}

/** Key tiles (data-key) whose metric shows no value at all ("—"), one line each. */
async function emptyKeys(page: Page, where: string): Promise<string[]> {
  const empty = await page.locator('[data-key][data-metric][data-value="NaN"], [data-key] [data-metric][data-value="NaN"]').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).innerText.includes('—')).map((e) => `${e.getAttribute('data-metric')}: ${(e as HTMLElement).innerText.replace(/\s+/g, ' ')}`),
  );
  return empty.map((e) => `${where}: empty key tile ${e}`);
}

const WALKS = ['skew=0.01', 'skew=0.5'];

test.each(WALKS)('every step’s main action works with its defaults at %s', async (knob) => {
  const { page, errors } = await openApp(browser, `seed=knob-walk-17&${knob}&backend=wasm`);
  const problems: string[] = [];
  for (let n = 1; n <= 10; n++) {
    if (n > 1) {
      await focusPage(page);
      await page.keyboard.press('ArrowRight');
    }
    expect(await stepOf(page)).toBe(n);
    const at = `${knob} step ${n}`;
    if (n === 1) await page.locator('[data-panel="policy"][data-status="done"]').waitFor({ timeout: 120_000 });
    if (n === 2) await waitForJob(page, 'generation', 180_000);
    if (n === 3) {
      await press(page, 'Compare with and without the cross', at);
      await page.locator('[data-metric="auc"][data-model="cross"]').first().waitFor({ timeout: 240_000 });
    }
    if (n === 4) {
      await press(page, 'Train', at);
      await waitForJob(page, 'training', 240_000);
      await waitForJob(page, 'evaluation', 240_000);
    }
    if (n === 5) {
      await waitForJob(page, 'slices', 240_000);
      await press(page, 'Find suspects', at);
      await page.locator('[data-job="suspects"][data-status="running"]').waitFor();
      await waitForJob(page, 'suspects', 400_000);
      await page.locator('[data-metric="relabel_quote"]').first().waitFor({ timeout: 60_000 });
      await press(page, 'Relabel', at);
      await waitForJob(page, 'relabel', 240_000);
    }
    if (n === 6) {
      await press(page, 'Train', at);
      await page.locator('[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])').first().waitFor({ timeout: 400_000 });
    }
    if (n === 7) await waitForJob(page, 'skew', 240_000);
    if (n === 8) {
      await press(page, 'Collect more data', at);
      await page.locator('[data-metric="recall"][data-role="rebalanced"]').first().waitFor({ timeout: 400_000 });
      await page.locator('tr[data-role="rebalanced"] [data-metric="gold_auc"]').first().waitFor({ timeout: 400_000 });
    }
    if (n === 9) {
      await press(page, 'Train the stale model', at);
      await waitForJob(page, 'stale', 300_000);
      await press(page, 'Evaluate per day', at);
      await waitForJob(page, 'per-day', 240_000);
      await press(page, 'Open the drift report', at);
      await waitForJob(page, 'drift-report', 240_000);
    }
    if (n === 10) {
      await page.getByRole('button', { name: 'Last 14 days' }).click();
      await press(page, 'Retrain', at);
      await waitForJob(page, 'fresh', 300_000);
      // The model strip names every model the walk made, by role, in the story's order.
      const strip = await page.locator('nav[aria-label="The story’s models so far"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
      if (strip.join() !== 'noisy,relabelled,rebalanced,stale,fresh') problems.push(`${at}: model strip lists ${strip.join()}`);
    }
    problems.push(...(await emptyKeys(page, at)));
  }
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 1_800_000);
