// Every screen is a link (issue 16 §3). A link to step 7 builds what the step starts from on
// arrival (the step-4 model, then the relabelled model of step 6), with nothing pressed, and those
// models are the ones the earlier steps' buttons build (same numbers); Cancel stops the chain and
// leaves it idle, not failed. A settled move of a step's control adds one history entry, and Back and
// Forward move the control and show the result already computed, with no job running again. A link
// made at step 10 after moving the window reopens that window.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { QUICK, focusPage, openApp, stepOf, tabTo, waitForJob } from './app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The link of the arrival test: step 7 of the quick world, predictions off. */
const STEP7 = `step=7&${QUICK}&predict=0&backend=wasm`;

/** The raw value of the first element matching `selector`, once it exists. */
async function valueOf(page: Page, selector: string, timeout = 300_000): Promise<string> {
  const el = page.locator(selector).first();
  await el.waitFor({ timeout });
  return (await el.getAttribute('data-value')) ?? '';
}

/** Starts recording every data-status a job panel takes from now on (to tell whether a job ran). */
async function watchStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __statuses: string[]; __statusObserver?: MutationObserver };
    w.__statusObserver?.disconnect();
    w.__statuses = [];
    const note = (el: Element) => w.__statuses.push(`${el.getAttribute('data-job')}=${el.getAttribute('data-status')}`);
    w.__statusObserver = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element && r.target.hasAttribute('data-job')) note(r.target);
        for (const n of r.addedNodes) if (n instanceof Element) for (const el of n.querySelectorAll('[data-job]')) note(el);
      }
    });
    w.__statusObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}

/** The job panels that went to running since watchStatuses. */
async function ranSince(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses.filter((s) => s.endsWith('=running')));
}

/** The browser history's length (entries of this tab). */
function historyLength(page: Page): Promise<number> {
  return page.evaluate(() => history.length);
}

/** The step-4 model's test AUC and validation log loss as step 4 shows them (the run history and the training panel). */
async function stepFourNumbers(page: Page): Promise<{ auc: string; logLoss: string }> {
  const auc = await valueOf(page, '[aria-label="Run history"] [data-metric="auc"][data-model="v1"][data-split="test"]');
  const logLoss = await valueOf(page, '[data-job="training"] [data-metric="log_loss"][data-model="v1"]');
  return { auc, logLoss };
}

/** Moves to step `n` with the arrow keys, as a reader would. */
async function walkTo(page: Page, n: number): Promise<void> {
  while ((await stepOf(page)) !== n) {
    await focusPage(page);
    await page.keyboard.press((await stepOf(page)) < n ? 'ArrowRight' : 'ArrowLeft');
  }
}

describe('links', () => {
  test('a link to step 7 builds the step-4 and relabelled models on arrival, as the buttons would; the skew lab’s moves are history entries that Back and Forward restore without training', { timeout: 900_000 }, async () => {
    const { page, errors } = await openApp(browser, STEP7);
    expect(await stepOf(page)).toBe(7);
    // Nothing pressed: the chain shows its stages while it runs, then step 7's numbers arrive.
    await page.locator('[data-job="prepare"][data-status="running"]').waitFor({ timeout: 60_000 });
    const accuracy = Number(await valueOf(page, '[data-metric="accuracy"][data-role="relabelled"]'));
    expect(accuracy).toBeGreaterThan(0.9);
    expect(accuracy).toBeLessThanOrEqual(1);
    await waitForJob(page, 'prepare', 300_000);
    await waitForJob(page, 'skew', 300_000);
    const prepare = page.locator('[data-job="prepare"]');
    expect(await prepare.locator('[data-stage="noisy"]').innerText()).toMatch(/v1, built here/);
    expect(await prepare.locator('[data-stage="relabelled"]').innerText()).toMatch(/v2, built here/);
    expect(await page.locator('[data-status="error"]').count()).toBe(0);
    const goldAuc = await valueOf(page, '[data-metric="auc"][data-role="relabelled"][data-split="gold"]');
    expect(Number(goldAuc)).toBeGreaterThan(0.5);

    // The skew lab, moved key by key: one settled change, one history entry, its point trained.
    const skewSlider = page.getByRole('slider', { name: 'Skew', exact: true });
    const before = { url: page.url(), text: await skewSlider.getAttribute('aria-valuetext'), recall: await valueOf(page, '[data-job="skew"] [data-metric="recall"][data-split="skew:0.01"]') };
    expect(new URL(before.url).searchParams.has('skew_lab')).toBe(false);
    const entries = await historyLength(page);
    await focusPage(page);
    await tabTo(page, /^Skew/, 200);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/skew_lab=/);
    // The link follows the last key press within 150 ms (replaces are coalesced).
    await page.waitForTimeout(500);
    const moved = Number(new URL(page.url()).searchParams.get('skew_lab'));
    expect(moved).toBeLessThan(0.01);
    expect(await historyLength(page), 'five key presses are one settled change').toBe(entries + 1);
    const movedRecall = await valueOf(page, `[data-job="skew"] [data-metric="recall"][data-split="skew:${moved}"]`);
    await waitForJob(page, 'skew', 300_000);
    const after = { url: page.url(), text: await skewSlider.getAttribute('aria-valuetext') };
    expect(after.text).not.toBe(before.text);

    // Back: the link, the slider and the shown point return, and no job runs again.
    await watchStatuses(page);
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('skew_lab'));
    expect(page.url()).toBe(before.url);
    expect(await skewSlider.getAttribute('aria-valuetext')).toBe(before.text);
    expect(await valueOf(page, '[data-job="skew"] [data-metric="recall"][data-split="skew:0.01"]')).toBe(before.recall);
    await page.waitForTimeout(1500);
    expect(await ranSince(page), 'no job runs on Back').toEqual([]);
    expect(await page.locator('[data-job="skew"]').getAttribute('data-status')).toBe('done');

    // Forward: the moved position and its point, again without training.
    await page.goForward();
    await page.waitForURL(/skew_lab=/);
    expect(page.url()).toBe(after.url);
    expect(await skewSlider.getAttribute('aria-valuetext')).toBe(after.text);
    expect(await valueOf(page, `[data-job="skew"] [data-metric="recall"][data-split="skew:${moved}"]`)).toBe(movedRecall);
    await page.waitForTimeout(1500);
    expect(await ranSince(page), 'no job runs on Forward').toEqual([]);

    // The link made after the move reopens the same screen in a new page: the same slider position,
    // and (same seed, same numbers) the same recall at that skew, built from nothing on arrival.
    const reopened = await openApp(browser, new URL(after.url).search.slice(1));
    expect(await stepOf(reopened.page)).toBe(7);
    const reSlider = reopened.page.getByRole('slider', { name: 'Skew', exact: true });
    expect(await reSlider.getAttribute('aria-valuetext')).toBe(after.text);
    expect(await valueOf(reopened.page, `[data-job="skew"] [data-metric="recall"][data-split="skew:${moved}"]`)).toBe(movedRecall);
    expect(reopened.errors).toEqual([]);
    await reopened.page.context().close();

    // Same seed, same numbers: the models built on arrival are those the buttons build. Here, as
    // step 4 and step 6 show them…
    await walkTo(page, 6);
    const linkGold = await valueOf(page, '[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])');
    await walkTo(page, 4);
    const linkFour = await stepFourNumbers(page);
    // …and in a fresh session that presses Train at step 4, Relabel at step 5 and Train at step 6.
    const fresh = await openApp(browser, `step=4&${QUICK}&predict=0&backend=wasm`);
    await fresh.page.getByRole('button', { name: 'Train', exact: true }).and(fresh.page.locator(':enabled')).click({ timeout: 120_000 });
    await waitForJob(fresh.page, 'training', 300_000);
    expect(await stepFourNumbers(fresh.page)).toEqual(linkFour);
    await walkTo(fresh.page, 5);
    await waitForJob(fresh.page, 'slices', 300_000);
    await fresh.page.getByRole('button', { name: 'Relabel', exact: true }).and(fresh.page.locator(':enabled')).click({ timeout: 120_000 });
    await waitForJob(fresh.page, 'relabel', 300_000);
    await walkTo(fresh.page, 6);
    await fresh.page.getByRole('button', { name: 'Train', exact: true }).and(fresh.page.locator(':enabled')).click({ timeout: 120_000 });
    expect(await valueOf(fresh.page, '[data-metric="gold_auc"][data-role="relabelled"]:not([data-value="NaN"])')).toBe(linkGold);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();

    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('Cancel during the chain leaves it idle and says so (no error, no restart); Build goes on', { timeout: 600_000 }, async () => {
    // Many epochs, so the step-4 training is still running when Cancel is pressed.
    const { page, errors } = await openApp(browser, `${STEP7}&epochs=40`);
    const prepare = page.locator('[data-job="prepare"]');
    await page.locator('[data-job="training"][data-status="running"]').waitFor({ timeout: 120_000 });
    await prepare.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-job="prepare"][data-status="idle"]').waitFor();
    await expect(prepare.locator('[data-cancelled]').innerText()).resolves.toMatch(/^Cancelled/);
    await page.locator('[data-job="training"][data-status="idle"]').waitFor();
    // It stays stopped: no error, and nothing starts again by itself.
    await page.waitForTimeout(2000);
    expect(await page.locator('[data-status="error"], [data-status="running"]').count()).toBe(0);
    expect(await prepare.locator('[data-stage="noisy"]').innerText()).toMatch(/not built yet/);
    // Build goes on from there, with the same link settings.
    await prepare.getByRole('button', { name: 'Build the models of steps 4 and 6' }).click();
    await page.locator('[data-job="prepare"][data-status="running"]').waitFor();
    await waitForJob(page, 'prepare', 600_000);
    expect(await prepare.locator('[data-stage="relabelled"]').innerText()).toMatch(/v2, built here/);
    await page.locator('[data-metric="accuracy"][data-role="relabelled"]').first().waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a link made at step 10 after moving the window reopens the same window; Back moves it back', async () => {
    const { page, errors } = await openApp(browser, `step=10&${QUICK}&predict=0&backend=wasm`);
    await page.locator('[data-window="75-88"]').waitFor();
    const entries = await historyLength(page);
    // The first day moves a week earlier, then two days more, key by key: one settled change.
    await page.getByRole('slider', { name: 'First training day' }).focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.locator('[data-window="66-88"]').waitFor();
    await page.waitForURL(/window_first=66(&|$)/);
    expect(await historyLength(page)).toBe(entries + 1);
    const link = new URL(page.url());
    expect(link.searchParams.get('window_first')).toBe('66');
    expect(link.searchParams.has('window_last')).toBe(false);

    // The link in a new page opens the same window.
    const again = await openApp(browser, link.search.slice(1));
    await again.page.locator('[data-window="66-88"]').waitFor();
    expect(await again.page.getByRole('slider', { name: 'First training day' }).getAttribute('aria-valuenow')).toBe('66');
    expect(await again.page.getByRole('slider', { name: 'Last training day' }).getAttribute('aria-valuenow')).toBe('88');
    expect(again.errors).toEqual([]);
    await again.page.context().close();

    // Back restores the previous window in the link and on the timeline; Forward the moved one.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('window_first'));
    await page.locator('[data-window="75-88"]').waitFor();
    await page.goForward();
    await page.waitForURL(/window_first=66(&|$)/);
    await page.locator('[data-window="66-88"]').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
