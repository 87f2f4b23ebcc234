// Offline after the first load: the service worker precaches the app, the worker chunks and the WASM
// binaries; with the network off, a reload opens the app and steps 1–4 work, training included.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { QUICK, focusPage, openApp, stepOf, waitForJob } from './app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('with the network off, a reload opens the app and steps 1–4 train on WASM', async () => {
  const { page, errors } = await openApp(browser, `seed=offline&${QUICK}&backend=wasm`);
  // The service worker is installed (precaching happens during install) and has finished activating;
  // `ready` already resolves while it is still 'activating', so wait for the state itself.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', undefined, { timeout: 60_000 });
  const files = await page.evaluate(async () => {
    let n = 0;
    for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
    return n;
  });
  expect(files).toBeGreaterThan(10);

  await page.context().setOffline(true);
  expect(await page.evaluate(() => fetch('/manifest.webmanifest?bypass=' + Date.now(), { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');
  await page.reload();
  await page.locator('[data-step]').first().waitFor();
  expect(await stepOf(page)).toBe(1);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  for (const n of [2, 3, 4]) {
    await focusPage(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(n);
    if (n === 2) await waitForJob(page, 'generation');
  }
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await waitForJob(page, 'training');
  const auc = Number(await page.locator('[data-metric="auc"][data-split="validation"]').first().getAttribute('data-value'));
  expect(auc).toBeGreaterThan(0.7);
  await expect(page.locator('[data-backend]').first().getAttribute('data-backend')).resolves.toBe('wasm');
  expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  await page.context().close();
});
