// A hostile link: text for numbers, NaN, absurd sizes, negative skew, unknown model and markup in
// the seed. The app shows a notice naming each parameter, uses safe values, and inserts nothing.
// A link within every range but too big for the lab's memory is refused in words before anything
// is allocated, and the same worker goes on working.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp, stepOf, waitForJob } from './app.ts';
import { PARAMS } from '../../src/lib/url/params.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('a hostile URL shows the notice, uses safe values and inserts no element from the URL', async () => {
  const seed = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const query = `seed=${seed}&rows=1e12&skew=-0.5&noise=lots&drift=NaN&model=transformer&step=%3Cscript%3Ealert(1)%3C%2Fscript%3E&lab=1&%3Cb%3E=1`;
  const { page, errors } = await openApp(browser, query);

  const notice = page.locator('[data-notice]');
  await notice.waitFor();
  const text = await notice.innerText();
  for (const p of ['seed', 'rows', 'skew', 'noise', 'drift', 'model', 'step']) expect(text).toContain(p);

  // Nothing from the URL became markup, and nothing ran.
  expect(await page.locator('img[src="x"], script:not([src]), b:text-is("=1")').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.body.innerHTML.includes('<img'))).toBe(false);

  // The address bar now holds the validated state.
  const search = new URL(page.url()).searchParams;
  expect(search.get('seed')).toBeNull();
  expect(search.get('rows')).toBe(String(PARAMS.rows.max));
  expect(search.get('skew')).toBe(String(PARAMS.skew.min));
  expect(search.get('model')).toBeNull();

  // Safe values in the controls (lab mode shows every knob).
  await expect(page.getByLabel('Model', { exact: true }).inputValue()).resolves.toBe('logreg');
  await expect(page.getByLabel('Seed', { exact: true }).inputValue()).resolves.toBe(PARAMS.seed.default);
  expect(Number(await page.locator('[data-step]').first().getAttribute('data-step'))).toBe(1);

  // The notice can be dismissed.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  expect(await notice.count()).toBe(0);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});

test('a huge link is refused with the limit in words, and the same worker keeps working', async () => {
  // The link (2M rows, 4096 buckets, hashed tokens) fits since features are sparse; the widest
  // MLP on the largest batch on top of it does not (its first layer's gathered rows alone are gigabytes).
  const { page, errors } = await openApp(browser, 'step=4&rows=2000000&buckets=4096&features=onehot,numeric,cross,hashed&model=mlp&hidden=256&batch=65536&backend=wasm');
  const training = page.locator('[data-job="training"]');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
  await train.click();
  await training.and(page.locator('[data-status="error"]')).waitFor({ timeout: 120_000 });
  const refusal = await training.getByRole('alert').innerText();
  expect(refusal).toContain('Too big for the lab');
  expect(refusal).toContain('512 MB');
  expect(await training.locator('[data-error="too-big"]').count()).toBe(1);
  // The worker did not die: no restart notice.
  expect(await page.locator('[data-lab-notice]').count()).toBe(0);

  // In the same page (the same worker): fewer rows at step 2, then a run that fits trains at step 4.
  for (let i = 0; i < 2; i++) {
    await focusPage(page);
    await page.keyboard.press('ArrowLeft');
  }
  expect(await stepOf(page)).toBe(2);
  await page.getByLabel('Rows', { exact: true }).fill('61');
  await page.waitForURL(/rows=100000/);
  await waitForJob(page, 'generation');
  for (let i = 0; i < 2; i++) {
    await focusPage(page);
    await page.keyboard.press('ArrowRight');
  }
  expect(await stepOf(page)).toBe(4);
  // Logistic regression instead of the MLP: a knob change after a run retrains on its own.
  await page.getByLabel('Model', { exact: true }).selectOption('logreg');
  await training.and(page.locator('[data-status="done"], [data-status="error"]')).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(200);
  if ((await training.getAttribute('data-status')) !== 'done') {
    await train.and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    await train.click();
  }
  await waitForJob(page, 'training');
  expect(await page.locator('[data-lab-notice]').count()).toBe(0);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});
