// Predict, then see (issue 17 §2): a keyboard walk that answers and reveals the predictions of
// steps 3–10 in a small world, each guess committed before its run, the revealed answer checked
// against the contract's numbers; hidden numbers stay hidden until then; predict=0 turns it all off,
// and clearing the guesses asks again. Step 11's (which alert fires first) is walked at the story's
// defaults, guessed while the alert log is veiled. Step 12's two predictions are judged by the same
// truth functions (src/lib/story/prediction-truths.test.ts).
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

/** The raw value of the first metric matching `selector`, once it exists. */
async function valueOf(page: Page, selector: string, timeout = 240_000): Promise<number> {
  const el = page.locator(selector).first();
  await el.waitFor({ state: 'attached', timeout });
  return Number(await el.getAttribute('data-value'));
}

/** Commits a guess by keyboard: Tab to the guess, type a number or press a choice's digit, then Enter. */
async function guess(page: Page, name: string, keys: string): Promise<void> {
  const form = page.locator(`[data-predict="${name}"]`);
  await form.waitFor({ timeout: 60_000 });
  await focusPage(page);
  const numeric = (await form.locator('input[type="text"]').count()) > 0;
  if (numeric) {
    await tabTo(page, /^Your guess$/, 200);
    await page.keyboard.type(keys);
  } else {
    // The choices are one radio group: focus it, then press the choice's digit.
    await form.locator('input[type="radio"]').first().focus();
    await page.keyboard.press(keys);
  }
  await page.keyboard.press('Enter');
}

/** Waits for the reveal and returns the revealed answer (data-truth). */
async function revealed(page: Page, name: string, timeout = 300_000): Promise<string> {
  const form = page.locator(`[data-predict="${name}"][data-revealed="true"]`);
  await form.waitFor({ timeout });
  return (await form.getAttribute('data-truth')) ?? '';
}

/** Presses Enter on the control named `name` (reached with Tab). */
async function press(page: Page, name: RegExp): Promise<void> {
  await focusPage(page);
  await tabTo(page, name, 250);
  await page.keyboard.press('Enter');
}

async function next(page: Page): Promise<void> {
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
}

describe('predict, then see', () => {
  test('eight predictions answered by keyboard, each revealed beside the number it predicted', { timeout: 900_000 }, async () => {
    const t0 = Date.now();
    const lap = (what: string) => console.info(`predict walk: ${what} at ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const { page, errors } = await openApp(browser, `seed=predict&${QUICK}&backend=wasm&step=2&predict=1`);
    await waitForJob(page, 'generation');
    await next(page);
    expect(await stepOf(page)).toBe(3);

    // Step 3: the cross. Guessed before the run; revealed when both trials are in.
    await guess(page, 'cross-gain', '1');
    await press(page, /^Compare with and without the cross$/);
    const cross = await revealed(page, 'cross-gain');
    lap('cross-gain revealed');
    const withCross = await valueOf(page, '[data-metric="auc"][data-model="cross"][data-split="validation"]');
    const without = await valueOf(page, '[data-metric="auc"][data-model="no-cross"][data-split="validation"]');
    if (cross === 'up') expect(withCross).toBeGreaterThan(without);
    else if (cross === 'down') expect(withCross).toBeLessThan(without);
    else expect(cross).toBe('same');

    // Step 4: accuracy. Hidden on screen until revealed, then the contract's number.
    await next(page);
    expect(await stepOf(page)).toBe(4);
    await guess(page, 'accuracy', '90');
    await press(page, /^Train$/);
    const acc = Number(await revealed(page, 'accuracy'));
    lap('accuracy revealed');
    expect(acc).toBeCloseTo(await valueOf(page, '[data-metric="accuracy"][data-split="test"][data-role="noisy"]'), 12);
    expect(await page.locator('[data-metric="accuracy"][data-hidden]').count()).toBe(0);

    // Step 5: the share of wrong "show" labels.
    await next(page);
    expect(await stepOf(page)).toBe(5);
    await guess(page, 'wrong-labels', '30');
    await press(page, /^Find suspects$/);
    const wrong = Number(await revealed(page, 'wrong-labels'));
    lap('wrong-labels revealed');
    expect(wrong).toBeCloseTo(await valueOf(page, '[data-metric="wrong_positive_share"]'), 12);

    // Step 6: does relabelling help? (the relabelled model is built on arrival or by its buttons)
    await next(page);
    expect(await stepOf(page)).toBe(6);
    await guess(page, 'relabel-gain', '1');
    // Relabel first (step 5 only found the suspects), then train on the fixed labels once they exist.
    if (await page.getByRole('button', { name: /^Relabel$/ }).count()) await press(page, /^Relabel$/);
    await press(page, /^Train$/);
    const gain = await revealed(page, 'relabel-gain');
    lap('relabel-gain revealed');
    const g0 = await valueOf(page, '[data-metric="gold_auc"][data-role="noisy"][data-split="gold"]');
    const g1 = await valueOf(page, '[data-metric="gold_auc"][data-role="relabelled"][data-split="gold"]');
    if (gain === 'up') expect(g1).toBeGreaterThan(g0);
    if (gain === 'down') expect(g1).toBeLessThan(g0);

    // Step 7: the dummy's accuracy, hidden (a "?" with data-hidden) until revealed.
    await next(page);
    expect(await stepOf(page)).toBe(7);
    await page.locator('[data-metric="accuracy"][data-model="dummy"]').first().waitFor({ state: 'attached', timeout: 300_000 });
    await page.locator('[data-predict="dummy-accuracy"]').waitFor();
    expect(await page.locator('[data-metric="accuracy"][data-model="dummy"][data-hidden="prediction"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-metric="accuracy"][data-model="dummy"]').first().innerText()).not.toMatch(/\d/);
    await guess(page, 'dummy-accuracy', '99');
    const dummy = Number(await revealed(page, 'dummy-accuracy'));
    lap('dummy-accuracy revealed');
    expect(dummy).toBeCloseTo(await valueOf(page, '[data-metric="accuracy"][data-model="dummy"]'), 12);
    expect(await page.locator('[data-metric="accuracy"][data-model="dummy"]').first().innerText()).toMatch(/\d/);

    // Step 8: who says "show" at 0.5, once the rebalanced model is trained (collecting first).
    await next(page);
    expect(await stepOf(page)).toBe(8);
    await guess(page, 'who-shows', '1');
    await press(page, /^Train$/);
    const shows = await revealed(page, 'who-shows');
    lap('who-shows revealed');
    const recalls = await Promise.all(['noisy', 'relabelled', 'rebalanced'].map((r) => valueOf(page, `[data-metric="recall"][data-role="${r}"][data-split="gold"]`)));
    const showing = recalls.map((r) => r > 0);
    const expected = showing.every((x) => !x) ? 'none' : showing.every(Boolean) ? 'all' : showing.join() === 'false,false,true' ? 'rebalanced' : 'other';
    expect(shows).toBe(expected);

    // Step 9: yesterday against the old test days.
    await next(page);
    expect(await stepOf(page)).toBe(9);
    // Here the run comes first: its numbers and the chart of them stay hidden until the guess.
    await press(page, /^Train the stale model$/);
    await waitForJob(page, 'stale', 240_000);
    await page.locator('[data-reveals="yesterday-auc"][data-hidden="prediction"]').first().waitFor({ state: 'attached' });
    expect(await page.locator('[data-metric="auc"][data-role="stale"][data-split="yesterday"]').first().getAttribute('data-hidden')).toBe('prediction');
    await guess(page, 'yesterday-auc', '3');
    const direction = await revealed(page, 'yesterday-auc');
    expect(await page.locator('[data-reveals="yesterday-auc"][data-hidden]').count()).toBe(0);
    lap('yesterday-auc revealed');
    const old = await valueOf(page, '[data-metric="auc"][data-role="stale"][data-split="old_test"]');
    const yesterday = await valueOf(page, '[data-metric="auc"][data-role="stale"][data-split="yesterday"]');
    if (direction === 'down') expect(yesterday).toBeLessThan(old);
    if (direction === 'up') expect(yesterday).toBeGreaterThan(old);

    // Step 10: how much a fresh window wins back.
    await next(page);
    expect(await stepOf(page)).toBe(10);
    await guess(page, 'fresh-recovery', '2');
    await press(page, /^Last 14 days$/);
    await press(page, /^Retrain$/);
    const recovery = await revealed(page, 'fresh-recovery');
    lap('fresh-recovery revealed');
    const fresh = await valueOf(page, '[data-metric="auc"][data-role="fresh"][data-split="yesterday"]');
    expect(['all', 'part', 'none', 'worse']).toContain(recovery);
    if (recovery === 'all' || recovery === 'part') expect(fresh).toBeGreaterThan(yesterday);
    if (recovery === 'worse') expect(fresh).toBeLessThan(yesterday);

    // The guesses stay with the session: back at step 7 the reveal is still there, with the guess.
    for (let i = 0; i < 3; i++) {
      await focusPage(page);
      await page.keyboard.press('ArrowLeft');
    }
    expect(await stepOf(page)).toBe(7);
    await expect(page.locator('[data-predict="dummy-accuracy"][data-revealed="true"]').innerText()).resolves.toMatch(/Your guess: 99%/);
    console.info(`predictions: cross ${cross}, accuracy ${acc}, wrong ${wrong}, relabel ${gain}, dummy ${dummy}, shows ${shows}, yesterday ${direction}, recovery ${recovery}`);

    // Clearing the guesses for the next class asks again.
    await page.getByRole('button', { name: 'clear the guesses' }).click();
    await page.locator('[data-predict="dummy-accuracy"]:not([data-revealed])').waitFor();
    expect(await page.locator('[data-metric="accuracy"][data-model="dummy"][data-hidden="prediction"]').count()).toBeGreaterThan(0);
    // Skip shows the step without a guess.
    await page.locator('[data-predict="dummy-accuracy"]').getByRole('button', { name: 'Skip' }).click();
    expect(await page.locator('[data-predict="dummy-accuracy"]').count()).toBe(0);
    expect(await page.locator('[data-metric="accuracy"][data-model="dummy"][data-hidden]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('step 11: which alert fires first, guessed while the alert log is veiled, revealed beside it', { timeout: 600_000 }, async () => {
    const { page, errors } = await openApp(browser, 'seed=clickcycle&backend=wasm&step=11&predict=1');
    expect(await stepOf(page)).toBe(11);
    await page.locator('[data-predict="first-alert"]').waitFor({ timeout: 60_000 });
    await press(page, /^Train the step-4 model$/);
    await page.getByRole('button', { name: 'Deploy', exact: true }).and(page.locator(':not([disabled])')).waitFor({ timeout: 300_000 });
    await press(page, /^Deploy$/);
    await press(page, /^Start shadow$/);
    await page.locator('[data-gate="pass"]').waitFor({ timeout: 60_000 });
    await press(page, /^Promote$/);
    // Until a guess is in, the served days' alert log, drift charts and PSI tiles are in the page but
    // veiled (and inert), and the alert count is hidden.
    const veil = page.locator('[data-reveals="first-alert"][data-hidden="prediction"]');
    await veil.waitFor({ state: 'attached', timeout: 120_000 });
    await expect(veil.getAttribute('aria-hidden')).resolves.toBe('true');
    expect(await page.locator('[data-metric="alerts"][data-hidden="prediction"]').count()).toBe(1);
    await guess(page, 'first-alert', '1');
    await page.getByLabel('Speed (days per second)').selectOption('0');
    const first = await revealed(page, 'first-alert', 240_000);
    expect(await page.locator('[data-reveals="first-alert"][data-hidden]').count()).toBe(0);
    await waitForJob(page, 'serving', 180_000);
    // The answer is the kind of the earliest alert in the log (alerts are raised when a day closes,
    // so each kind of the first alert day counts), or none after a quiet fortnight.
    const log = await page.locator('[data-alert]').evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-alert'), day: Number(/Day (\d+)/.exec((e as HTMLElement).innerText)?.[1]) })));
    expect(await valueOf(page, '[data-metric="alerts"]')).toBe(log.length);
    if (log.length === 0) expect(first).toBe('none');
    else {
      const day = Math.min(...log.map((a) => a.day));
      expect(log.filter((a) => a.day === day).map((a) => a.kind)).toContain(first);
    }
    await expect(page.locator('[data-predict="first-alert"][data-revealed="true"]').innerText()).resolves.toMatch(/Your guess: Feature drift/);
    console.info(`first alert: ${first} (${log.length} alerts)`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('presenter mode: step 11 stays on one 1366×768 screen with its prediction open and after R reveals it', { timeout: 600_000 }, async () => {
    const { page, errors } = await openApp(browser, 'seed=clickcycle&backend=wasm&step=11&predict=1&presenter=1');
    const click = async (name: string) => {
      const b = page.getByRole('button', { name, exact: true }).and(page.locator(':not([disabled])'));
      await b.waitFor({ timeout: 300_000 });
      await b.click();
    };
    // The walk runs the step unfolded (D), as the screenshot walk does, then folds it to look.
    await focusPage(page);
    await page.keyboard.press('d');
    await click('Train the step-4 model');
    await click('Deploy');
    await click('Start shadow');
    await click('Promote');
    await page.getByLabel('Speed (days per second)').selectOption('0');
    await waitForJob(page, 'serving', 240_000);
    await focusPage(page);
    await page.keyboard.press('d');
    /** Every visible key element's extent (contents included) against the screen. */
    const outside = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-key]')]
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .map((e) => {
            const boxes = [e, ...e.querySelectorAll('*')].filter((d) => d.getClientRects().length > 0).map((d) => d.getBoundingClientRect());
            return { key: e.getAttribute('data-key'), bottom: Math.max(...boxes.map((r) => r.bottom)) };
          })
          .filter((k) => k.bottom > innerHeight)
          .map((k) => `${k.key} ends at ${Math.round(k.bottom)} px`),
      );
    await page.locator('[data-predict="first-alert"]:not([data-revealed])').waitFor();
    expect(await outside(), 'prediction open').toEqual([]);
    // R reveals the room's answer: the box shrinks to the answer and its reason.
    await page.keyboard.press('r');
    await page.locator('[data-predict="first-alert"][data-revealed="true"]').waitFor();
    expect(await outside(), 'after the reveal').toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('predict=0 turns every prediction off', async () => {
    const { page, errors } = await openApp(browser, `seed=predict&${QUICK}&backend=wasm&step=7&predict=0`);
    expect(await stepOf(page)).toBe(7);
    for (const step of [3, 4, 7, 9, 10, 11, 12]) {
      await page.evaluate((n) => {
        const u = new URL(location.href);
        u.searchParams.set('step', String(n));
        history.pushState(null, '', u);
        dispatchEvent(new PopStateEvent('popstate'));
      }, step);
      await page.locator(`[data-step="${step}"]`).waitFor();
      expect(await page.locator('[data-predict]').count(), `step ${step}`).toBe(0);
      expect(await page.locator('[data-hidden="prediction"]').count(), `step ${step}`).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
