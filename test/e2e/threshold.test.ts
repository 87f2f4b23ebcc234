// Step 4's threshold slider means what the text says: accuracy, precision, recall and F1 (tiles
// and narrative alike) are read at the chosen threshold from the report's confusion table; 0.5 is
// where they start, and a lower threshold finds more positives. They sit in a fold: step 4 teaches
// ranking and leaves decisions at a threshold to step 7.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { QUICK, openApp, waitForJob } from './app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The threshold metrics of model v1 on the test set: in the report's tiles and in the narrative. */
async function thresholdMetrics(page: Page): Promise<{ tiles: Record<string, number>; story: Record<string, number> }> {
  const read = (within: string) =>
    page.locator(within).first().locator('[data-metric][data-split="test"]').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-metric') ?? '', Number(e.getAttribute('data-value'))])),
    );
  return { tiles: await read('[aria-label="Model v1 on the test set"]'), story: await read('.narrative, [data-role="narrative"], article') };
}

test('accuracy, precision, recall and F1 follow the threshold slider, in the tiles and the text', async () => {
  const { page, errors } = await openApp(browser, `seed=threshold&${QUICK}&step=4&backend=wasm&epochs=2`);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  await train.click();
  await waitForJob(page, 'training');
  await page.locator('[aria-label="Model v1 on the test set"][data-status="done"]').waitFor({ timeout: 120_000 });

  const at05 = await thresholdMetrics(page);
  for (const name of ['accuracy', 'precision', 'recall', 'f1']) expect(at05.tiles[name], name).toBeDefined();
  expect(Number(await page.locator('[data-threshold]').first().getAttribute('data-threshold'))).toBe(0.5);

  // Step 4 teaches ranking; the threshold's decisions are folded until opened (step 7 takes them up).
  await page.locator('[aria-label="Model v1 on the test set"] details[data-fold="threshold"] > summary').click();
  // Slider to 0.01 (log scale: position −2).
  await page.getByLabel('Threshold', { exact: true }).fill('-2');
  await page.waitForURL(/threshold=0\.01/);
  await page.locator('[data-threshold="0.01"]').first().waitFor();
  const at001 = await thresholdMetrics(page);
  // A lower threshold finds at least as many positives, and the numbers moved.
  expect(at001.tiles.recall).toBeGreaterThanOrEqual(at05.tiles.recall!);
  expect(at001.tiles.recall).toBeGreaterThan(0);
  expect(at001.tiles.accuracy).not.toBe(at05.tiles.accuracy);
  // The text reads the same values as the tiles at the chosen threshold.
  for (const name of ['accuracy', 'recall', 'f1']) expect(at001.story[name], name).toBe(at001.tiles[name]);
  // Recall is the confusion matrix's tp / (tp + fn) at that threshold.
  const tp = Number(await page.locator('[data-metric="true_positives"]').first().getAttribute('data-value'));
  const positives = Number(await page.locator('[data-metric="positives"][data-split="test"]').last().getAttribute('data-value'));
  expect(at001.tiles.recall).toBeCloseTo(tp / positives, 12);
  expect(errors).toEqual([]);
  await page.context().close();
});
