// Presenter mode shows a QR code of the current link (without presenter, theme or whole explanations (more), only non-default
// parameters) so students open the same state; it follows the state and can be hidden.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { focusPage, openApp } from './app.ts';
import { qrOf } from '../../src/lib/url/qr.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('presenter mode shows a scannable QR code of the current state, which follows the step', async () => {
  const { page, errors } = await openApp(browser, 'seed=week-3&step=3&presenter=1&theme=dark&rows=100000');
  const qr = page.locator('[data-qr] svg');
  // Closed at first (it would cover the bench); one button opens it.
  await page.locator('[data-qr]').waitFor();
  expect(await qr.count()).toBe(0);
  await page.getByRole('button', { name: 'QR code for the room' }).click();
  await qr.waitFor();
  const origin = new URL(page.url()).origin;
  const expected = `${origin}/?seed=week-3&step=3&rows=100000`;
  expect(await qr.getAttribute('aria-label')).toBe(`QR code of ${expected}`);
  expect(await page.locator('[data-qr] path').getAttribute('d')).toBe(qrOf(expected).path);
  await page.screenshot({ path: 'screenshots/presenter-qr.png' });

  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => qr.getAttribute('aria-label')).toBe(`QR code of ${origin}/?seed=week-3&step=4&rows=100000`);

  await page.getByRole('button', { name: 'Hide QR' }).click();
  expect(await qr.count()).toBe(0);
  await page.keyboard.press('p');
  expect(await page.locator('[data-qr]').count()).toBe(0);
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.context().close();
});
