// A step's explanation opens at its first paragraph; "More" opens the rest for every step, and the
// link keeps it (more=1), so a reload or a shared link shows what the reader saw. Folded paragraphs
// stay in the page with their contract. (The screenshot walk checks every step's first paragraph
// length with its live numbers in: test/e2e/narrative.ts.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp, stepOf } from './app.ts';
import { foldedStory } from './narrative.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** How many of the explanation's paragraphs are shown, and how many it has. */
async function shown(page: Page): Promise<[number, number]> {
  return page.evaluate(() => {
    const parts = [...(document.querySelector('.story')?.children ?? [])];
    return [parts.filter((p) => p.getClientRects().length > 0).length, parts.length];
  });
}

test('More opens the whole explanation for every step, and the link keeps it', async () => {
  const { page, errors } = await openApp(browser, 'seed=alpha&step=1&more=0');
  await page.locator('[data-panel="policy"][data-status="done"]').waitFor({ timeout: 60_000 });
  expect(await foldedStory(page, 'step 1')).toEqual([]);
  const [one, all] = await shown(page);
  expect(one).toBe(1);
  expect(all).toBeGreaterThan(1);
  // A folded paragraph keeps its contract: step 1's second paragraph counts the marketplace's ads,
  // queries and users, read from the page although not shown.
  const hiddenMetrics = await page.locator('.story > :not(:first-child) [data-metric]').count();
  expect(hiddenMetrics).toBe(3);
  await expect(page.locator('.story [data-metric="ads"]').getAttribute('data-value')).resolves.toBe('2400');
  const more = page.getByRole('button', { name: /^More \(/ });
  await expect(more.getAttribute('aria-controls')).resolves.toBe('story-1');
  await more.click();
  expect(await shown(page)).toEqual([all, all]);
  const less = page.getByRole('button', { name: 'Less', exact: true });
  await expect(less.getAttribute('aria-expanded')).resolves.toBe('true');
  // The address bar follows once the change settles (a burst of changes is one write).
  await expect.poll(() => new URL(page.url()).searchParams.get('more')).toBe('1');
  // Every shown paragraph's metrics are the same elements as before: folding hid, it did not remove.
  await expect(page.locator('.story > :not(:first-child) [data-metric]').count()).resolves.toBe(hiddenMetrics);
  // The next step opens whole too, and a reload keeps it.
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  expect(await stepOf(page)).toBe(2);
  const [two, twoAll] = await shown(page);
  expect(two).toBe(twoAll);
  await page.reload();
  await page.locator('[data-step="2"]').waitFor();
  expect(await shown(page)).toEqual([twoAll, twoAll]);
  // Less folds it again, for this step and the next.
  await page.getByRole('button', { name: 'Less', exact: true }).click();
  expect((await shown(page))[0]).toBe(1);
  await expect.poll(() => new URL(page.url()).searchParams.get('more')).toBe(null);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);
